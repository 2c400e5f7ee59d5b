package dev.gureum.core.metrics;

import java.util.List;

/**
 * One MetricDataQuery of GetMetricData (or of a metric-math alarm): an id, and either a metric statistic or a
 * math expression, with its label, whether its result is returned, and the expression's period.
 */
public record DataQuery(String id, MetricStatSpec metricStat, String expression, String label, Boolean returnData,
                        Integer period) {

    /** A MetricStat: the metric, its period, statistic and unit. */
    public record MetricStatSpec(String namespace, String metricName, List<MetricDimension> dimensions, Integer period,
                                 String stat, String unit) {
    }

    public boolean returnsData() {
        return returnData == null || returnData;
    }
}
