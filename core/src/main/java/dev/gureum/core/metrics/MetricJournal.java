package dev.gureum.core.metrics;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where metric data is made durable: an append-only log of accepted datapoints and, after compaction, a
 * snapshot of the stored buckets. {@link #append} returns only once the data is durable (so PutMetricData's
 * answer means it survives {@code kill -9}); appends of concurrent calls may share one flush.
 */
public interface MetricJournal extends AutoCloseable {

    /** What a replay hands back, in order: the snapshot's buckets, then the logged puts. */
    interface Sink {
        void bucket(BucketEntry bucket);

        void put(MetricPut put);
    }

    /** Replays everything durable into the sink; called once, before the first append. */
    void replay(Sink sink);

    /** Makes the puts durable. */
    void append(List<MetricPut> puts);

    /** Bytes logged since the last snapshot. */
    long logBytes();

    /**
     * Replaces snapshot and log with a snapshot of the given buckets and an empty log. The caller guarantees
     * that no append runs meanwhile and that the buckets include every logged put.
     */
    void compact(Consumer<Consumer<BucketEntry>> buckets);

    @Override
    void close();

    /** A journal that keeps nothing: for tests and for a cloud that does not need metrics to outlive it. */
    static MetricJournal none() {
        return new MetricJournal() {
            @Override
            public void replay(Sink sink) {
            }

            @Override
            public void append(List<MetricPut> puts) {
            }

            @Override
            public long logBytes() {
                return 0;
            }

            @Override
            public void compact(Consumer<Consumer<BucketEntry>> buckets) {
            }

            @Override
            public void close() {
            }
        };
    }
}
