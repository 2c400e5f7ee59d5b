package dev.gureum.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PutMetricDataRulesTest {
    private final MetricWorld world = new MetricWorld();
    private final Instant now = MetricWorld.START;

    private void assertRefused(String code, String message, String namespace, Datum... data) {
        CloudException error = assertThrows(CloudException.class,
                () -> world.service.put(world.context(), namespace, List.of(data)));
        assertEquals(code, error.code().code());
        assertTrue(error.getMessage().contains(message), error.getMessage());
        assertTrue(world.journal.log.isEmpty(), "nothing of a refused call is stored");
    }

    private static Datum datum(Double value, List<Double> values, List<Double> counts, MetricPut.StatisticSet set,
                               Instant timestamp, String unit, Integer resolution, List<MetricDimension> dimensions) {
        return new Datum("m", dimensions, timestamp, value, values, counts, set, unit, resolution);
    }

    @Test
    void theAwsNamespaceIsTheCloudsOwn() {
        assertRefused("InvalidParameterValue", "The value AWS/ for parameter Namespace is invalid.", "AWS/EC2",
                MetricWorld.value("CPUUtilization", now, 1));
        assertRefused("InvalidParameterValue", "Namespace", ":colon", MetricWorld.value("m", now, 1));
    }

    @Test
    void limitsOnDataDimensionsAndValues() {
        Datum one = MetricWorld.value("m", now, 1);
        CloudException tooMany = assertThrows(CloudException.class,
                () -> world.service.put(world.context(), "App", Collections.nCopies(1001, one)));
        assertEquals("InvalidParameterValue", tooMany.code().code());
        List<MetricDimension> dimensions = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            dimensions.add(new MetricDimension("d" + i, "v"));
        }
        assertRefused("InvalidParameterValue", "MetricData.member.1.Dimensions must not have a size greater than 30",
                "App", datum(1.0, null, null, null, now, null, null, dimensions));
        assertRefused("InvalidParameterValue", "MetricData.member.1.Values must not have a size greater than 150",
                "App", datum(null, Collections.nCopies(151, 1.0), null, null, now, null, null, List.of()));
        assertRefused("InvalidParameterValue", "must be of the same size", "App",
                datum(null, List.of(1.0, 2.0), List.of(1.0), null, now, null, null, List.of()));
        assertRefused("InvalidParameterValue", "MetricData.member.1.Value is invalid", "App",
                datum(Double.NaN, null, null, null, now, null, null, List.of()));
        assertRefused("InvalidParameterValue", "MetricData.member.1.Value is invalid", "App",
                datum(Math.pow(2, 361), null, null, null, now, null, null, List.of()));
        assertRefused("InvalidParameterCombination", "No Metric may specify the same dimension name twice", "App",
                datum(1.0, null, null, null, now, null, null,
                        List.of(new MetricDimension("a", "1"), new MetricDimension("a", "2"))));
    }

    @Test
    void valueValuesAndStatisticValuesExcludeEachOther() {
        assertRefused("InvalidParameterCombination", "mutually exclusive", "App",
                datum(1.0, null, null, new MetricPut.StatisticSet(1, 1, 1, 1), now, null, null, List.of()));
        assertRefused("InvalidParameterCombination", "At least one of the parameters", "App",
                datum(null, null, null, null, now, null, null, List.of()));
        assertRefused("InvalidParameterValue", "StatisticValues", "App",
                datum(null, null, null, new MetricPut.StatisticSet(1, 5, 9, 2), now, null, null, List.of()));
    }

    @Test
    void timestampsFromTwoWeeksAgoToTwoHoursAhead() {
        assertRefused("InvalidParameterValue", "MetricData.member.1.Timestamp must specify a time no more than two weeks"
                + " in the past.", "App", MetricWorld.value("m", now.minus(Duration.ofDays(14)).minusSeconds(1), 1));
        assertRefused("InvalidParameterValue", "two hours in the future", "App",
                MetricWorld.value("m", now.plus(Duration.ofHours(2)).plusSeconds(1), 1));
        world.put("App", MetricWorld.value("m", now.minus(Duration.ofDays(14)), 1),
                MetricWorld.value("m", now.plus(Duration.ofHours(2)), 1));
        assertEquals(2, world.journal.log.size());
    }

    @Test
    void storageResolutionAndUnit() {
        assertRefused("InvalidParameterValue", "The value 5 for parameter MetricData.member.1.StorageResolution is invalid.",
                "App", datum(1.0, null, null, null, now, null, 5, List.of()));
        assertRefused("InvalidParameterValue", "The value Furlongs for parameter MetricData.member.1.Unit is invalid.",
                "App", datum(1.0, null, null, null, now, "Furlongs", null, List.of()));
        world.put("App", datum(1.0, null, null, null, now, null, 1, List.of()));
        MetricPut stored = world.journal.log.get(0);
        assertEquals(MetricUnits.NONE, stored.unit());
        assertEquals(1, stored.storageResolution());
    }
}
