package dev.gureum.core.metrics;

import dev.gureum.core.time.CloudClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every metric's data, in memory, made durable by a {@link MetricJournal}: a put is logged (durably) and
 * then applied, both under a shared lock, so compaction (exclusive) snapshots exactly what the log it
 * replaces held. Memory is bounded by the tiers' retention: {@link #prune} (run by the clock) drops expired
 * buckets and metrics left without data. The rules of PutMetricData live in {@link MetricService}, not here.
 */
public final class MetricStorage implements AutoCloseable {
    /** The log is folded into a snapshot once it has grown past this. */
    static final long COMPACT_AFTER_BYTES = 256L << 20;

    private record Place(String account, String region) {
    }

    private final MetricJournal journal;
    private final CloudClock clock;
    private final Map<Place, Map<MetricKey, MetricSeries>> places = new ConcurrentHashMap<>();
    private final ReadWriteLock compaction = new ReentrantReadWriteLock();

    public MetricStorage(MetricJournal journal, CloudClock clock) {
        this.journal = journal;
        this.clock = clock;
        long now = nowSecond();
        journal.replay(new MetricJournal.Sink() {
            @Override
            public void bucket(BucketEntry bucket) {
                series(bucket.key()).restore(bucket);
            }

            @Override
            public void put(MetricPut put) {
                series(put.key()).add(put, now);
            }
        });
        prune();
    }

    /** Stores the puts; they are durable when this returns. */
    public void put(List<MetricPut> puts) {
        long now = nowSecond();
        compaction.readLock().lock();
        try {
            journal.append(puts);
            for (MetricPut put : puts) {
                series(put.key()).add(put, now);
            }
        } finally {
            compaction.readLock().unlock();
        }
    }

    /** The periods of one metric that hold data (see {@link MetricSeries#windows}); start and end in epoch seconds. */
    public List<Window> windows(MetricKey key, String unit, int period, long start, long end, boolean percentiles) {
        MetricSeries series = find(key);
        return series == null ? List.of() : series.windows(unit, period, start, end, nowSecond(), percentiles);
    }

    /** One statistic of one metric per period (see {@link MetricSeries#statistic}); start and end in epoch seconds. */
    public Points statistic(MetricKey key, String unit, Stat stat, int period, long start, long end) {
        MetricSeries series = find(key);
        return series == null ? Points.EMPTY : series.statistic(unit, stat, period, start, end, nowSecond());
    }

    /** The metrics of one account and region with their last put (epoch seconds), unordered. */
    public List<Map.Entry<MetricKey, Long>> metrics(String account, String region) {
        Map<MetricKey, MetricSeries> series = places.get(new Place(account, region));
        if (series == null) {
            return List.of();
        }
        List<Map.Entry<MetricKey, Long>> metrics = new ArrayList<>(series.size());
        series.values().forEach(one -> metrics.add(Map.entry(one.key(), one.lastPut())));
        return metrics;
    }

    /** Drops what retention no longer keeps, then compacts the journal when its log has grown large. */
    public void prune() {
        long now = nowSecond();
        List<MetricSeries> emptied = new ArrayList<>();
        places.values().forEach(series -> series.values().forEach(one -> {
            if (one.prune(now)) {
                emptied.add(one);
            }
        }));
        if (!emptied.isEmpty()) {
            // A put may be adding to a series right now: series leave only under the exclusive lock.
            compaction.writeLock().lock();
            try {
                for (MetricSeries one : emptied) {
                    Map<MetricKey, MetricSeries> series = places.get(new Place(one.key().account(), one.key().region()));
                    if (series != null && one.isEmpty()) {
                        series.remove(one.key(), one);
                    }
                }
            } finally {
                compaction.writeLock().unlock();
            }
        }
        if (journal.logBytes() > COMPACT_AFTER_BYTES) {
            compact();
        }
    }

    /** Folds the log into a snapshot of the stored buckets. */
    public void compact() {
        compaction.writeLock().lock();
        try {
            journal.compact(sink -> places.values().forEach(series -> series.values()
                    .forEach(one -> one.forEachBucket(sink))));
        } finally {
            compaction.writeLock().unlock();
        }
    }

    /** Forgets every metric, durably (the admin reset). */
    public void wipe() {
        compaction.writeLock().lock();
        try {
            places.clear();
            journal.compact(sink -> {
            });
        } finally {
            compaction.writeLock().unlock();
        }
    }

    public long nowSecond() {
        return clock.now().getEpochSecond();
    }

    public CloudClock clock() {
        return clock;
    }

    private MetricSeries find(MetricKey key) {
        Map<MetricKey, MetricSeries> series = places.get(new Place(key.account(), key.region()));
        return series == null ? null : series.get(key);
    }

    private MetricSeries series(MetricKey key) {
        return places.computeIfAbsent(new Place(key.account(), key.region()), unused -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, MetricSeries::new);
    }

    @Override
    public void close() {
        journal.close();
    }
}
