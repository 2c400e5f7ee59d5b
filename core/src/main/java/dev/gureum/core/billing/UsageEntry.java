package dev.gureum.core.billing;

/**
 * What the usage ledger holds, in the order it happened: closed {@link UsagePeriod}s, and {@link UsageWaiver}s
 * that take back periods closed before them.
 */
public sealed interface UsageEntry permits UsagePeriod, UsageWaiver {
}
