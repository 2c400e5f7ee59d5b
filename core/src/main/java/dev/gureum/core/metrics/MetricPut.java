package dev.gureum.core.metrics;

/**
 * One accepted datum of a PutMetricData call, as it is logged and applied: the metric, its unit, its time
 * (epoch milliseconds) and storage resolution (1 or 60 seconds), and either values with their counts or a
 * statistic set ({@code values} and {@code counts} are then null).
 */
public record MetricPut(MetricKey key, String unit, long epochMillis, int storageResolution,
                        double[] values, double[] counts, StatisticSet statisticSet) {

    /** A statistic set as PutMetricData's StatisticValues give it. */
    public record StatisticSet(double sampleCount, double sum, double minimum, double maximum) {
    }

    public static MetricPut single(MetricKey key, String unit, long epochMillis, int storageResolution, double value) {
        return new MetricPut(key, unit, epochMillis, storageResolution, new double[] {value}, new double[] {1}, null);
    }

    /** Adds this datum to an aggregate. */
    void addTo(Aggregate aggregate) {
        if (statisticSet != null) {
            aggregate.addSet(statisticSet.sampleCount(), statisticSet.sum(), statisticSet.minimum(), statisticSet.maximum());
        } else {
            for (int i = 0; i < values.length; i++) {
                aggregate.add(values[i], counts[i]);
            }
        }
    }
}
