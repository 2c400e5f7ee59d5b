package dev.gureum.core.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The time buckets a bill is cut into, in UTC as Cost Explorer cuts them. */
public enum Granularity {
    HOURLY, DAILY, MONTHLY;

    public Instant bucketStart(Instant at) {
        ZonedDateTime time = at.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOURLY -> time.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAILY -> time.truncatedTo(ChronoUnit.DAYS).toInstant();
            case MONTHLY -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
        };
    }

    public Instant next(Instant bucketStart) {
        ZonedDateTime time = bucketStart.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOURLY -> time.plusHours(1).toInstant();
            case DAILY -> time.plusDays(1).toInstant();
            case MONTHLY -> time.plusMonths(1).toInstant();
        };
    }
}
