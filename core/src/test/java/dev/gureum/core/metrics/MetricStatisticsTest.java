package dev.gureum.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MetricStatisticsTest {
    private final MetricWorld world = new MetricWorld();
    private final MetricDimension host = new MetricDimension("Host", "a");
    private final Instant from = MetricWorld.START.minus(Duration.ofMinutes(10));

    private List<StatisticsDatapoint> get(Integer period, List<String> statistics, List<String> extended, String unit) {
        return world.statistics.get(world.context(), "App", "Latency", List.of(host), from, MetricWorld.START, period,
                statistics, extended, unit);
    }

    private static void assertError(String code, String message, Executable call) {
        CloudException error = assertThrows(CloudException.class, call);
        assertEquals(code, error.code().code());
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @Test
    void fiveStandardStatisticsPerPeriodFromValuesCountsAndStatisticSets() {
        Instant at = from.plusSeconds(5);
        world.service.put(world.context(), "App", List.of(
                new Datum("Latency", List.of(host), at, null, List.of(10.0, 20.0), List.of(3.0, 1.0), null, "Milliseconds", null),
                new Datum("Latency", List.of(host), at, null, null, null, new MetricPut.StatisticSet(2, 10, 1, 9),
                        "Milliseconds", null)));
        List<StatisticsDatapoint> points = get(60, List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum"), null, null);
        assertEquals(1, points.size());
        StatisticsDatapoint point = points.get(0);
        assertEquals(Instant.parse("2026-11-29T09:50:00Z"), point.timestamp());
        assertEquals("Milliseconds", point.unit());
        assertEquals(Map.of(Stat.Standard.SampleCount, 6.0, Stat.Standard.Average, 60.0 / 6, Stat.Standard.Sum, 60.0,
                Stat.Standard.Minimum, 1.0, Stat.Standard.Maximum, 20.0), point.statistics());
    }

    @Test
    void percentilesAndTheUnitFilter() {
        for (int i = 1; i <= 100; i++) {
            world.service.put(world.context(), "App", List.of(new Datum("Latency", List.of(host), from.plusSeconds(i),
                    (double) i, null, null, null, "Seconds", null)));
        }
        StatisticsDatapoint point = get(600, null, List.of("p50", "p99.5"), "Seconds").get(0);
        assertEquals(50, point.extendedStatistics().get("p50"), 0.5);
        assertEquals(100, point.extendedStatistics().get("p99.5"), 1);
        assertTrue(get(600, List.of("Sum"), null, "Bytes").isEmpty(), "no data in that unit");
    }

    @Test
    void refusesWhatCloudWatchRefuses() {
        assertError("InvalidParameterCombination", "Must specify either Statistics or ExtendedStatistics",
                () -> get(60, null, null, null));
        assertError("InvalidParameterCombination", "mutually exclusive", () -> get(60, List.of("Sum"), List.of("p90"), null));
        assertError("InvalidParameterValue", "The value Median for parameter Statistics is invalid.",
                () -> get(60, List.of("Median"), null, null));
        assertError("InvalidParameterValue", "The value p101 for parameter ExtendedStatistics is invalid.",
                () -> get(60, null, List.of("p101"), null));
        assertError("InvalidParameterValue", "Period", () -> get(45, List.of("Sum"), null, null));
        assertError("InvalidParameterValue", "Unit", () -> get(60, List.of("Sum"), null, "Furlongs"));
        assertError("InvalidParameterCombination", "You have requested up to 1,441 datapoints, which exceeds the limit"
                + " of 1,440.", () -> world.statistics.get(world.context(), "App", "Latency", List.of(), MetricWorld.START
                .minusSeconds(1441), MetricWorld.START, 1, List.of("Sum"), null, null));
        assertError("InvalidParameterValue", "StartTime must be less than", () -> world.statistics.get(world.context(),
                "App", "Latency", List.of(), MetricWorld.START, MetricWorld.START, 60, List.of("Sum"), null, null));
    }

    @Test
    void startTimeIsRoundedAsCloudWatchRoundsIt() {
        Instant recent = Instant.parse("2026-11-29T09:13:27Z");
        assertEquals(Instant.parse("2026-11-29T09:13:00Z"), world.queries.alignedStart(recent, 60));
        assertEquals(Instant.parse("2026-11-29T09:13:27Z"), world.queries.alignedStart(recent, 10));
        assertEquals(Instant.parse("2026-11-01T09:10:00Z"), world.queries.alignedStart(Instant.parse("2026-11-01T09:13:27Z"), 300));
        assertEquals(Instant.parse("2026-08-01T09:00:00Z"), world.queries.alignedStart(Instant.parse("2026-08-01T09:13:27Z"), 3600));
    }
}
