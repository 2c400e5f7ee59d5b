package dev.gureum.core.metrics;

import java.time.Duration;

/**
 * The resolutions CloudWatch keeps data at and for how long (its documented retention): 1-second data for 3
 * hours (only for StorageResolution 1), 1-minute for 15 days, 5-minute for 63 days, 1-hour for 455 days.
 * Every datapoint is added to each tier it belongs to when it arrives, so the coarser tiers are the roll-ups
 * of the finer ones by construction; each tier forgets buckets older than its retention.
 */
public enum Tier {
    SECOND(1, Duration.ofHours(3)),
    MINUTE(60, Duration.ofDays(15)),
    FIVE_MINUTES(300, Duration.ofDays(63)),
    HOUR(3600, Duration.ofDays(455));

    private final int seconds;
    private final Duration retention;

    Tier(int seconds, Duration retention) {
        this.seconds = seconds;
        this.retention = retention;
    }

    public int seconds() {
        return seconds;
    }

    public Duration retention() {
        return retention;
    }

    /** The start (epoch seconds) of the bucket holding an instant given in epoch seconds. */
    public long bucketOf(long epochSecond) {
        return Math.floorDiv(epochSecond, seconds) * seconds;
    }

    /** The oldest bucket start this tier still keeps at {@code nowEpochSecond}. */
    public long oldestKept(long nowEpochSecond) {
        return bucketOf(nowEpochSecond - retention.toSeconds());
    }
}
