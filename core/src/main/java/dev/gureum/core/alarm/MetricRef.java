package dev.gureum.core.alarm;

import java.util.List;

/** A metric as an alarm names it: namespace, name, dimensions and (optionally) unit. */
public record MetricRef(String namespace, String metricName, List<AlarmDimension> dimensions, String unit) {
    public MetricRef {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }
}
