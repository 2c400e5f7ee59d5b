package dev.gureum.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.error.CloudException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListMetricsTest {
    private final MetricWorld world = new MetricWorld();

    private List<MetricKey> list(String namespace, String name, List<MetricDimension> dimensions, String recently) {
        return world.listing.list(world.context(), namespace, name, dimensions, recently, null).metrics();
    }

    @Test
    void filtersByNamespaceNameAndDimensionsWithOrWithoutValue() {
        MetricDimension hostA = new MetricDimension("Host", "a");
        MetricDimension hostB = new MetricDimension("Host", "b");
        world.put("App", MetricWorld.value("Latency", MetricWorld.START, 1, hostA),
                MetricWorld.value("Latency", MetricWorld.START, 1, hostB, new MetricDimension("Zone", "z1")),
                MetricWorld.value("Errors", MetricWorld.START, 1));
        world.put("Other", MetricWorld.value("Latency", MetricWorld.START, 1));
        assertEquals(4, list(null, null, List.of(), null).size());
        assertEquals(3, list("App", null, List.of(), null).size());
        assertEquals(3, list(null, "Latency", List.of(), null).size());
        assertEquals(2, list("App", null, List.of(new MetricDimension("Host", null)), null).size());
        assertEquals(List.of(MetricWorld.key("App", "Latency", new MetricDimension("Zone", "z1"), hostB)),
                list("App", null, List.of(hostB), null));
    }

    @Test
    void recentlyActiveKeepsThreeHoursAndNothingOlderThanTwoWeeksIsListed() {
        world.put("App", MetricWorld.value("Old", MetricWorld.START, 1));
        world.advance(Duration.ofHours(4));
        world.put("App", MetricWorld.value("New", world.clock.now(), 1));
        assertEquals(2, list("App", null, List.of(), null).size());
        assertEquals(List.of("New"), list("App", null, List.of(), "PT3H").stream().map(MetricKey::metricName).toList());
        world.advance(Duration.ofDays(14));
        assertEquals(List.of("New"), list("App", null, List.of(), null).stream().map(MetricKey::metricName).toList());
        assertEquals("InvalidParameterValue", assertThrows(CloudException.class,
                () -> list("App", null, List.of(), "PT1H")).code().code());
        List<MetricDimension> eleven = java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> new MetricDimension("d" + i, null)).toList();
        assertEquals("ValidationError", assertThrows(CloudException.class,
                () -> list("App", null, eleven, null)).code().code(), "at most ten dimension filters");
    }

    @Test
    void fiveHundredAPageInAStableOrder() {
        List<Datum> data = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            data.add(MetricWorld.value("m" + i, MetricWorld.START, i));
            if (data.size() == 1000) {
                world.service.put(world.context(), "App", data);
                data.clear();
            }
        }
        world.service.put(world.context(), "App", data);
        Set<MetricKey> seen = new HashSet<>();
        String token = null;
        List<Integer> sizes = new ArrayList<>();
        do {
            MetricListing.Page page = world.listing.list(world.context(), "App", null, List.of(), null, token);
            sizes.add(page.metrics().size());
            seen.addAll(page.metrics());
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of(500, 500, 200), sizes);
        assertEquals(1200, seen.size());
        assertNull(world.listing.list(world.context(), "Nope", null, List.of(), null, null).nextToken());
        assertEquals("InvalidNextToken", assertThrows(CloudException.class,
                () -> world.listing.list(world.context(), "App", null, List.of(), null, "garbage!")).code().code());
    }
}
