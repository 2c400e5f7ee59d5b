package dev.gureum.core.usage;

import java.time.Instant;

/**
 * The open stretch of a resource's metered usage, carried in the resource's own record (a running instance,
 * a claimed public address), so the change that opens or closes it writes nothing more than the record it
 * writes anyway; billing reads it back from there and appends the stretch to the usage ledger once it closes.
 * {@code sku} is what it is priced as when that is not the resource's own (the Spot price in force); null, as
 * for an on-demand instance (its type) or an address (the address price), it is left out of the record, which
 * is written at every start. {@code minimumSeconds} is what it is billed at least when it closes (the rest of
 * a Linux instance's 60-second minimum).
 */
public record OpenUsage(Instant since, String sku, long minimumSeconds) {
}
