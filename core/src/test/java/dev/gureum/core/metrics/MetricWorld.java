package dev.gureum.core.metrics;

import dev.gureum.core.RequestContext;
import dev.gureum.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Metric services over in-memory storage on a manual clock, with a journal that remembers what it was given. */
final class MetricWorld {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    /** A journal in memory: the puts since the last compaction and the snapshot it made. */
    static final class RecordingJournal implements MetricJournal {
        final List<MetricPut> log = new ArrayList<>();
        final List<BucketEntry> snapshot = new ArrayList<>();

        @Override
        public synchronized void replay(Sink sink) {
            snapshot.forEach(sink::bucket);
            log.forEach(sink::put);
        }

        @Override
        public synchronized void append(List<MetricPut> puts) {
            log.addAll(puts);
        }

        @Override
        public synchronized long logBytes() {
            return log.size();
        }

        @Override
        public synchronized void compact(Consumer<Consumer<BucketEntry>> buckets) {
            snapshot.clear();
            buckets.accept(snapshot::add);
            log.clear();
        }

        @Override
        public void close() {
        }
    }

    final ManualClock clock = new ManualClock(START);
    final RecordingJournal journal = new RecordingJournal();
    final MetricStorage storage = new MetricStorage(journal, clock);
    final MetricService service = new MetricService(storage);
    final MetricQueries queries = new MetricQueries(storage);
    final MetricStatistics statistics = new MetricStatistics(queries);
    final MetricDataService data = new MetricDataService(queries);
    final MetricListing listing = new MetricListing(storage);

    RequestContext context() {
        return new RequestContext(ACCOUNT, REGION, "request", clock.now(), false);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    static MetricKey key(String namespace, String name, MetricDimension... dimensions) {
        return new MetricKey(ACCOUNT, REGION, namespace, name, List.of(dimensions));
    }

    static Datum value(String name, Instant timestamp, double value, MetricDimension... dimensions) {
        return new Datum(name, List.of(dimensions), timestamp, value, null, null, null, null, null);
    }

    void put(String namespace, Datum... data) {
        service.put(context(), namespace, List.of(data));
    }
}
