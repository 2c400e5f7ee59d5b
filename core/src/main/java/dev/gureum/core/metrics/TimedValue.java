package dev.gureum.core.metrics;

import java.time.Instant;

/** One value of a time series: a period's start and its statistic (or a metric-math result). */
public record TimedValue(Instant timestamp, double value) {
}
