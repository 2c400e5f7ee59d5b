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

    /** The next bucket's start: UTC has no daylight saving, so an hour and a day are always 3,600 and 86,400 s. */
    public Instant next(Instant bucketStart) {
        return switch (this) {
            case HOURLY -> bucketStart.plusSeconds(3_600);
            case DAILY -> bucketStart.plusSeconds(86_400);
            case MONTHLY -> bucketStart.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        };
    }
}
