package dev.gureum.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetMetricData: metric queries, metric math, ScanBy and pagination. */
class MetricMathTest {
    private final MetricWorld world = new MetricWorld();
    private final Instant from = MetricWorld.START.minus(Duration.ofMinutes(5));

    MetricMathTest() {
        // errors: 1, 2, 3, 4, 5 per minute; requests: 10 each minute except the third (missing)
        for (int minute = 0; minute < 5; minute++) {
            Instant at = from.plusSeconds(60L * minute);
            world.put("App", MetricWorld.value("Errors", at, minute + 1));
            if (minute != 2) {
                world.put("App", MetricWorld.value("Requests", at, 10));
            }
        }
    }

    private static DataQuery metric(String id, String name) {
        return new DataQuery(id, new DataQuery.MetricStatSpec("App", name, List.of(), 60, "Sum", null), null, null,
                null, null);
    }

    private static DataQuery expression(String id, String expression) {
        return new DataQuery(id, null, expression, null, null, null);
    }

    private static DataQuery hidden(DataQuery query) {
        return new DataQuery(query.id(), query.metricStat(), query.expression(), query.label(), false, query.period());
    }

    private List<DataResult> ascending(DataQuery... queries) {
        return world.data.get(world.context(), List.of(queries), from, MetricWorld.START, "TimestampAscending", null, null)
                .results();
    }

    private List<Double> values(String expression) {
        List<DataResult> results = ascending(hidden(metric("errors", "Errors")), hidden(metric("requests", "Requests")),
                expression("e", expression));
        assertEquals(1, results.size());
        return results.get(0).values();
    }

    @Test
    void metricQueriesNewestFirstByDefaultWithTheMetricNameAsLabel() {
        DataResult result = world.data.get(world.context(), List.of(metric("m1", "Errors")), from, MetricWorld.START,
                null, null, null).results().get(0);
        assertEquals("m1", result.id());
        assertEquals("Errors", result.label());
        assertEquals(List.of(5.0, 4.0, 3.0, 2.0, 1.0), result.values());
        assertEquals(MetricWorld.START.minusSeconds(60), result.timestamps().get(0));
        assertEquals("Complete", result.statusCode());
    }

    @Test
    void arithmeticKeepsTheTimestampsBothSeriesHave() {
        assertEquals(List.of(0.1, 0.2, 0.4, 0.5), values("errors / requests"));
        assertEquals(List.of(-2.0, -2.0, -2.0), values("(errors * 2 - 10) / 2 + 3 - errors").subList(0, 3));
        assertEquals(List.of(6.0, 7.0, 8.0, 9.0, 10.0), values("errors + 2 * 3 - 1"));
        assertEquals(List.of(-1.0, -2.0, -3.0, -4.0, -5.0), values("-errors"));
        assertEquals(List.of(1.0, 4.0, 9.0, 16.0, 25.0), values("errors ^ 2"));
        assertEquals(List.of(4.0, 3.0, 2.0, 1.0, 0.0), values("ABS(errors - 5)"));
    }

    @Test
    void reducersOverArraysGiveSeriesAndOverOneSeriesAScalar() {
        assertEquals(List.of(11.0, 12.0, 3.0, 14.0, 15.0), values("SUM(METRICS())"));
        assertEquals(List.of(11.0, 12.0, 3.0, 14.0, 15.0), values("SUM([errors, requests])"));
        assertEquals(List.of(10.0, 10.0, 3.0, 10.0, 10.0), values("MAX(METRICS())"));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), values("MIN(METRICS('err'))"));
        assertEquals(List.of(3.0, 3.0, 3.0, 3.0, 3.0), values("AVG(errors)"), "a scalar is shown at every period");
        assertEquals(List.of(-2.0, -1.0, 0.0, 1.0, 2.0), values("errors - AVG(errors)"));
    }

    @Test
    void rateDiffAndFill() {
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), values("DIFF(errors)"));
        assertEquals(List.of(1 / 60.0, 1 / 60.0, 1 / 60.0, 1 / 60.0), values("RATE(errors)"));
        assertEquals(List.of(10.0, 10.0, 0.0, 10.0, 10.0), values("FILL(requests, 0)"));
        assertEquals(List.of(10.0, 10.0, 10.0, 10.0, 10.0), values("FILL(requests, REPEAT)"));
        assertEquals(List.of(10.0, 10.0, 10.0, 10.0, 10.0), values("FILL(requests, LINEAR)"));
    }

    @Test
    void anArrayResultIsOneResultPerSeriesWithItsLabel() {
        List<DataResult> results = ascending(metric("errors", "Errors"), metric("requests", "Requests"),
                expression("doubled", "METRICS() * 2"));
        assertEquals(List.of("errors", "requests", "doubled", "doubled"), results.stream().map(DataResult::id).toList());
        assertEquals(List.of("Errors", "Requests"), results.subList(2, 4).stream().map(DataResult::label).toList());
        assertEquals(List.of(2.0, 4.0, 6.0, 8.0, 10.0), results.get(2).values());
    }

    @Test
    void anUnknownScanByIsRefusedAsTheModelsEnumConstraint() {
        CloudException refused = assertThrows(CloudException.class, () -> world.data.get(world.context(),
                List.of(metric("errors", "Errors")), from, MetricWorld.START, "Bogus", null, null));
        assertEquals("1 validation error detected: Value 'Bogus' at 'scanBy' failed to satisfy constraint: Member must"
                + " satisfy enum value set: [TimestampDescending, TimestampAscending]", refused.getMessage());
    }

    @Test
    void maxDatapointsPagesWithPartialDataAndNextToken() {
        List<DataQuery> queries = List.of(metric("errors", "Errors"), metric("requests", "Requests"));
        List<Double> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            MetricDataService.Page page = world.data.get(world.context(), queries, from, MetricWorld.START,
                    "TimestampAscending", 3, token);
            int returned = page.results().stream().mapToInt(result -> result.values().size()).sum();
            assertTrue(returned <= 3);
            if (page.nextToken() != null) {
                assertTrue(page.results().stream().anyMatch(result -> result.statusCode().equals("PartialData")));
            }
            page.results().forEach(result -> seen.addAll(result.values()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 10.0, 10.0, 10.0), seen);
        CloudException bad = assertThrows(CloudException.class, () -> world.data.get(world.context(), queries, from,
                MetricWorld.START, null, 3, "not-a-token"));
        assertEquals("InvalidNextToken", bad.code().code());
    }

    @Test
    void badQueriesAreValidationErrors() {
        assertValidation("Id is invalid", metric("M1", "Errors"));
        assertValidation("must be unique", metric("m1", "Errors"), metric("m1", "Requests"));
        assertValidation("Unknown metric or expression id nothere", expression("e1", "nothere * 2"));
        assertValidation("cycle", expression("a", "b + 1"), expression("b", "a + 1"));
        assertValidation("Error in expression e1", expression("e1", "SUM(METRICS()"));
        assertValidation("Unknown function", expression("e1", "MEDIAN(METRICS())"));
        assertValidation("Exactly one of", new DataQuery("m1", null, null, null, null, null));
    }

    @Test
    void theQueryApiEvaluatesWithoutPaging() {
        List<MetricDataService.Evaluated> evaluated = world.data.evaluate(MetricWorld.ACCOUNT, MetricWorld.REGION,
                List.of(hidden(metric("m1", "Errors")), expression("e1", "m1 * 10")), from, MetricWorld.START);
        assertEquals(1, evaluated.size());
        assertEquals(50.0, evaluated.get(0).points().lastValue());
        assertNull(evaluated.get(0).points().valueAt(from.getEpochSecond() - 60));
    }

    private void assertValidation(String message, DataQuery... queries) {
        CloudException error = assertThrows(CloudException.class, () -> ascending(queries));
        assertEquals("ValidationError", error.code().code());
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }
}
