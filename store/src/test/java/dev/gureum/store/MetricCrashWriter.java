package dev.gureum.store;

import dev.gureum.core.metrics.MetricKey;
import dev.gureum.core.metrics.MetricPut;
import dev.gureum.core.metrics.MetricStorage;
import dev.gureum.core.time.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The child of {@link MetricJournalFileTest}'s crash test: stores values 1, 2, 3… and prints each once stored. */
public final class MetricCrashWriter {
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final MetricKey KEY = new MetricKey("000000000000", "us-east-1", "Crash", "Counter", List.of());

    private MetricCrashWriter() {
    }

    public static void main(String[] args) {
        MetricStorage storage = new MetricStorage(MetricJournalFile.open(Path.of(args[0])), new ManualClock(NOW));
        int compactEvery = Integer.parseInt(args[1]);
        for (int value = 1; ; value++) {
            storage.put(List.of(MetricPut.single(KEY, "Count", NOW.toEpochMilli() - value, 60, value)));
            System.out.println(value);
            System.out.flush();
            if (value % compactEvery == 0) {
                storage.compact();
            }
        }
    }
}
