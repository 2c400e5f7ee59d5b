package dev.gureum.core.billing;

import java.time.Instant;

/**
 * Usage the bill does not charge after all: a resource's periods of one usage type that started at or after
 * {@code since}, closed before this waiver was written (a Spot Instance EC2 interrupted in its first hour).
 */
public record UsageWaiver(String resourceId, String usageType, Instant since) implements UsageEntry {

    /** Whether this waiver takes back {@code period} (one written before it). */
    boolean waives(UsagePeriod period) {
        return period.resourceId().equals(resourceId) && period.usageType().equals(usageType)
                && !period.start().isBefore(since);
    }
}
