package dev.gureum.core.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The stored data of one metric: per unit it was published in, one map of buckets per {@link Tier}. Every
 * datum goes into the buckets of every tier it belongs to (the 1-second tier only for StorageResolution 1),
 * so roll-ups cost nothing later; {@link #prune} drops what each tier no longer keeps. Guarded by itself.
 */
final class MetricSeries {
    private static final Tier[] TIERS = Tier.values();
    private final MetricKey key;
    private final Map<String, EnumMap<Tier, TreeMap<Long, Aggregate>>> units = new LinkedHashMap<>(2);
    private long lastPut = Long.MIN_VALUE;

    MetricSeries(MetricKey key) {
        this.key = key;
    }

    MetricKey key() {
        return key;
    }

    synchronized long lastPut() {
        return lastPut;
    }

    synchronized void add(MetricPut put, long nowSecond) {
        long second = Math.floorDiv(put.epochMillis(), 1000);
        EnumMap<Tier, TreeMap<Long, Aggregate>> tiers = tiers(put.unit());
        for (Tier tier : Tier.values()) {
            if (tier == Tier.SECOND && put.storageResolution() != 1) {
                continue;
            }
            long bucket = tier.bucketOf(second);
            if (bucket < tier.oldestKept(nowSecond)) {
                continue;
            }
            put.addTo(tiers.computeIfAbsent(tier, unused -> new TreeMap<>()).computeIfAbsent(bucket, unused -> new Aggregate()));
        }
        lastPut = Math.max(lastPut, nowSecond);
    }

    synchronized void restore(BucketEntry entry) {
        tiers(entry.unit()).computeIfAbsent(entry.tier(), unused -> new TreeMap<>()).put(entry.start(), entry.aggregate());
        lastPut = Math.max(lastPut, entry.lastPut());
    }

    /** Drops buckets each tier no longer keeps; true when nothing is left. */
    synchronized boolean prune(long nowSecond) {
        units.values().removeIf(tiers -> {
            tiers.forEach((tier, buckets) -> buckets.headMap(tier.oldestKept(nowSecond)).clear());
            tiers.values().removeIf(TreeMap::isEmpty);
            return tiers.isEmpty();
        });
        return units.isEmpty();
    }

    synchronized boolean isEmpty() {
        return units.isEmpty();
    }

    synchronized void forEachBucket(Consumer<BucketEntry> sink) {
        units.forEach((unit, tiers) -> tiers.forEach((tier, buckets) -> buckets.forEach((start, aggregate) ->
                sink.accept(new BucketEntry(key, unit, tier, start, aggregate.copy(), lastPut)))));
    }

    /**
     * The aggregates of the periods {@code [start + i·period, start + (i+1)·period)} up to {@code end} that hold
     * data, per unit (only {@code unit} when it is not null), each period read from the finest tier that still
     * keeps its start and whose bucket size divides the period; none fits means no datapoint, as CloudWatch
     * returns none for a period its retained resolution cannot answer. The windows are copies; they carry the
     * values' distribution only when {@code percentiles} is asked for.
     */
    synchronized List<Window> windows(String unit, int period, long start, long end, long nowSecond, boolean percentiles) {
        List<Window> windows = new ArrayList<>();
        long[] oldest = oldestKept(nowSecond);
        units.forEach((unitName, tiers) -> {
            if (unit != null && !unit.equals(unitName)) {
                return;
            }
            long count = Math.max(0, Math.ceilDiv(end - start, period));
            Aggregate[] periods = new Aggregate[(int) Math.min(count, Integer.MAX_VALUE - 8)];
            long index = 0;
            while (index < periods.length) {
                long windowStart = start + index * period;
                Tier tier = tierFor(period, windowStart, oldest);
                if (tier == null) {
                    index++;
                    continue;
                }
                long runEnd = index + 1;
                while (runEnd < periods.length && tierFor(period, start + runEnd * period, oldest) == tier) {
                    runEnd++;
                }
                TreeMap<Long, Aggregate> buckets = tiers.get(tier);
                if (buckets != null) {
                    NavigableMap<Long, Aggregate> range = buckets.subMap(windowStart, true,
                            Math.min(end, start + runEnd * period), false);
                    for (Map.Entry<Long, Aggregate> bucket : range.entrySet()) {
                        int at = (int) ((bucket.getKey() - start) / period);
                        if (periods[at] == null) {
                            periods[at] = bucket.getValue().copy(percentiles);
                        } else {
                            periods[at].merge(bucket.getValue());
                        }
                    }
                }
                index = runEnd;
            }
            for (int i = 0; i < periods.length; i++) {
                if (periods[i] != null) {
                    windows.add(new Window(Instant.ofEpochSecond(start + (long) i * period), unitName, periods[i]));
                }
            }
        });
        return windows;
    }

    /**
     * One statistic per period, as {@link #windows} would give it, straight into a series: a period made of a
     * single bucket is read in place, without copying its aggregate. Periods of several units add up their
     * values under the same timestamp only when {@code unit} is null and the data has several units (rare).
     */
    synchronized Points statistic(String unit, Stat stat, int period, long start, long end, long nowSecond) {
        if (units.size() != 1 || (unit != null && !units.containsKey(unit))) {
            List<Window> windows = windows(unit, period, start, end, nowSecond, stat.isPercentile());
            windows.sort(java.util.Comparator.comparing(Window::start));
            Points.Builder points = new Points.Builder(windows.size());
            long last = Long.MIN_VALUE;
            for (Window window : windows) {
                Double value = stat.of(window.aggregate());
                long time = window.start().getEpochSecond();
                if (value != null && time != last) {
                    points.add(time, value);
                    last = time;
                }
            }
            return points.build();
        }
        EnumMap<Tier, TreeMap<Long, Aggregate>> tiers = units.values().iterator().next();
        long count = Math.max(0, Math.ceilDiv(end - start, period));
        Points.Builder points = new Points.Builder((int) Math.min(count, 4096));
        long[] oldest = oldestKept(nowSecond);
        long index = 0;
        while (index < count) {
            long windowStart = start + index * period;
            Tier tier = tierFor(period, windowStart, oldest);
            if (tier == null) {
                index++;
                continue;
            }
            long runEnd = index + 1;
            while (runEnd < count && tierFor(period, start + runEnd * period, oldest) == tier) {
                runEnd++;
            }
            TreeMap<Long, Aggregate> buckets = tiers.get(tier);
            if (buckets != null) {
                long currentWindow = -1;
                Aggregate single = null;
                Aggregate merged = null;
                for (Map.Entry<Long, Aggregate> bucket : buckets.subMap(windowStart, true,
                        Math.min(end, start + runEnd * period), false).entrySet()) {
                    long at = (bucket.getKey() - start) / period;
                    if (at != currentWindow) {
                        emit(points, stat, start + currentWindow * period, single, merged);
                        currentWindow = at;
                        single = bucket.getValue();
                        merged = null;
                    } else {
                        if (merged == null) {
                            merged = single.copy(stat.isPercentile());
                        }
                        merged.merge(bucket.getValue());
                    }
                }
                emit(points, stat, start + currentWindow * period, single, merged);
            }
            index = runEnd;
        }
        return points.build();
    }

    private static void emit(Points.Builder points, Stat stat, long time, Aggregate single, Aggregate merged) {
        Aggregate aggregate = merged != null ? merged : single;
        if (aggregate != null) {
            Double value = stat.of(aggregate);
            if (value != null) {
                points.add(time, value);
            }
        }
    }

    private static long[] oldestKept(long nowSecond) {
        long[] oldest = new long[TIERS.length];
        for (Tier tier : TIERS) {
            oldest[tier.ordinal()] = tier.oldestKept(nowSecond);
        }
        return oldest;
    }

    /** The finest tier that answers a period starting at {@code windowStart}, given each tier's oldest bucket kept. */
    private static Tier tierFor(int period, long windowStart, long[] oldest) {
        for (Tier tier : TIERS) {
            if (tier == Tier.SECOND && period % Tier.MINUTE.seconds() == 0) {
                continue;
            }
            if (period % tier.seconds() == 0 && windowStart % tier.seconds() == 0
                    && windowStart >= oldest[tier.ordinal()]) {
                return tier;
            }
        }
        return null;
    }

    private EnumMap<Tier, TreeMap<Long, Aggregate>> tiers(String unit) {
        return units.computeIfAbsent(unit, unused -> new EnumMap<>(Tier.class));
    }
}
