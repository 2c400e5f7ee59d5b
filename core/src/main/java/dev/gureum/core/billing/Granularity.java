package dev.gureum.core.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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

    /** A bucket cut to a period: where the bucket starts, and the part of it the period holds. */
    public record Window(Instant bucket, Instant start, Instant end) {
    }

    /** The buckets that cut {@code [start, end)}, in order, each cut to it. */
    public List<Window> windows(Instant start, Instant end) {
        List<Window> windows = new ArrayList<>();
        for (Instant bucket = bucketStart(start); bucket.isBefore(end); bucket = next(bucket)) {
            windows.add(window(bucket, start, end));
        }
        return windows;
    }

    /** The bucket starting at {@code bucket}, cut to {@code [start, end)}. */
    public Window window(Instant bucket, Instant start, Instant end) {
        Instant next = next(bucket);
        return new Window(bucket, bucket.isBefore(start) ? start : bucket, next.isAfter(end) ? end : next);
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
