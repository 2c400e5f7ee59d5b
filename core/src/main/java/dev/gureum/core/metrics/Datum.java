package dev.gureum.core.metrics;

import java.time.Instant;
import java.util.List;

/**
 * One MetricDatum of a PutMetricData call as the caller gave it, before validation: any member may be null.
 * Its {@code statisticValues} uses {@link MetricPut.StatisticSet}, with null members kept as NaN.
 */
public record Datum(String metricName, List<MetricDimension> dimensions, Instant timestamp, Double value,
                    List<Double> values, List<Double> counts, MetricPut.StatisticSet statisticValues, String unit,
                    Integer storageResolution) {
}
