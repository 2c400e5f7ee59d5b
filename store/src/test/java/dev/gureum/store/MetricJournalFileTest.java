package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.metrics.MetricPut;
import dev.gureum.core.metrics.MetricQueries;
import dev.gureum.core.metrics.MetricStorage;
import dev.gureum.core.metrics.Stat;
import dev.gureum.core.metrics.TimedValue;
import dev.gureum.core.time.ManualClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metric journal on disk: replay, a torn tail, compaction generations, and kill -9. */
class MetricJournalFileTest {
    @TempDir
    Path data;

    private MetricStorage open() {
        return new MetricStorage(MetricJournalFile.open(data), new ManualClock(MetricCrashWriter.NOW));
    }

    private static List<TimedValue> stat(MetricStorage storage, Stat.Standard stat) {
        return new MetricQueries(storage).statistic(MetricCrashWriter.KEY, Stat.standard(stat), 3600,
                MetricCrashWriter.NOW.minusSeconds(36000), MetricCrashWriter.NOW.plusSeconds(1), null);
    }

    private static double total(MetricStorage storage, Stat.Standard stat) {
        return stat(storage, stat).stream().mapToDouble(TimedValue::value).sum();
    }

    private static void putValues(MetricStorage storage, int from, int to) {
        for (int value = from; value <= to; value++) {
            storage.put(List.of(MetricPut.single(MetricCrashWriter.KEY, "Count",
                    MetricCrashWriter.NOW.toEpochMilli() - value * 1000L, 60, value)));
        }
    }

    @Test
    void whatWasStoredIsReadBackAfterReopeningAndAfterCompaction() throws Exception {
        try (MetricStorage storage = open()) {
            putValues(storage, 1, 100);
        }
        try (MetricStorage storage = open()) {
            assertEquals(100, total(storage, Stat.Standard.SampleCount));
            storage.compact();
            putValues(storage, 101, 150);
        }
        try (MetricStorage storage = open()) {
            assertEquals(150, total(storage, Stat.Standard.SampleCount));
            assertEquals(150 * 151 / 2.0, total(storage, Stat.Standard.Sum));
        }
        try (Stream<Path> files = Files.list(data.resolve("metrics"))) {
            assertEquals(List.of("log-0000000001", "snapshot-0000000001"),
                    files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aTornTailIsCutOffAndWritingGoesOn() throws Exception {
        try (MetricStorage storage = open()) {
            putValues(storage, 1, 10);
        }
        Path log = data.resolve("metrics").resolve("log-0000000000");
        Files.write(log, new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);
        try (MetricStorage storage = open()) {
            assertEquals(10, total(storage, Stat.Standard.SampleCount));
            putValues(storage, 11, 12);
        }
        try (MetricStorage storage = open()) {
            assertEquals(12, total(storage, Stat.Standard.SampleCount));
        }
    }

    @Test
    void everyAcknowledgedPutSurvivesKill() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MetricCrashWriter.class.getName(), data.toString(), "97")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < 400 && (line = out.readLine()) != null) {
                acknowledged = Integer.parseInt(line.trim());
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertEquals(400, acknowledged);
        try (MetricStorage storage = open()) {
            double count = total(storage, Stat.Standard.SampleCount);
            assertTrue(count >= acknowledged, "stored " + count + " of " + acknowledged + " acknowledged");
            double maximum = stat(storage, Stat.Standard.Maximum).stream().mapToDouble(TimedValue::value).max().orElse(0);
            assertTrue(maximum >= acknowledged);
            assertEquals(count * (count + 1) / 2, total(storage, Stat.Standard.Sum), "each value exactly once");
        }
    }
}
