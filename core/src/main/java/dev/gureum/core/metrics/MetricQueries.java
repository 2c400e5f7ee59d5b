package dev.gureum.core.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The read side of metric storage, for every consumer (GetMetricStatistics, GetMetricData, the alarm
 * evaluator): one statistic of one metric per period over a time range, read from the finest resolution
 * still retained for each period. No validation here: callers hold requests to CloudWatch's rules first.
 *
 * <p>Periods start at {@code start} (epoch-aligned when the caller aligns it; see {@link #alignedStart}) and
 * cover {@code [start + i·period, start + (i+1)·period)} up to {@code end}; a period without data has no value.
 */
public final class MetricQueries {
    private final MetricStorage storage;

    public MetricQueries(MetricStorage storage) {
        this.storage = storage;
    }

    /** One statistic of one metric, ascending by time; {@code unit} null means data in any unit. */
    public List<TimedValue> statistic(MetricKey key, Stat stat, int period, Instant start, Instant end, String unit) {
        Points points = points(key, stat, period, start, end, unit);
        List<TimedValue> values = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            values.add(new TimedValue(Instant.ofEpochSecond(points.time(i)), points.value(i)));
        }
        return values;
    }

    /** As {@link #statistic}, as primitive arrays (what GetMetricData and metric math use). */
    public Points points(MetricKey key, Stat stat, int period, Instant start, Instant end, String unit) {
        return storage.statistic(key, unit, stat, period, start.getEpochSecond(), end.getEpochSecond());
    }

    /** The aggregates of the periods that hold data, per unit (only {@code unit} when not null). */
    public List<Window> windows(MetricKey key, String unit, int period, Instant start, Instant end, boolean percentiles) {
        return storage.windows(key, unit, period, start.getEpochSecond(), end.getEpochSecond(), percentiles);
    }

    /**
     * A start time rounded as CloudWatch rounds it against the data's age: to the minute when under 15 days
     * ago, to 5 minutes under 63 days, to the hour beyond; periods under a minute keep whole seconds.
     */
    public Instant alignedStart(Instant start, int period) {
        long now = storage.nowSecond();
        long second = start.getEpochSecond();
        long age = now - second;
        Tier tier = age > Tier.FIVE_MINUTES.retention().toSeconds() ? Tier.HOUR
                : age > Tier.MINUTE.retention().toSeconds() ? Tier.FIVE_MINUTES
                : period < 60 ? Tier.SECOND : Tier.MINUTE;
        return Instant.ofEpochSecond(tier.bucketOf(second));
    }

    public Instant now() {
        return storage.clock().now();
    }
}
