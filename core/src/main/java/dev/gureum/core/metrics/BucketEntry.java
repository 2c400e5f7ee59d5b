package dev.gureum.core.metrics;

/**
 * One stored bucket of a series, as a snapshot holds it: the metric, the unit, the tier, the bucket's start
 * (epoch seconds), its aggregate, and when the series last received data (epoch seconds, for ListMetrics).
 */
public record BucketEntry(MetricKey key, String unit, Tier tier, long start, Aggregate aggregate, long lastPut) {
}
