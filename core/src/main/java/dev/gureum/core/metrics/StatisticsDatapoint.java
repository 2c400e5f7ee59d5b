package dev.gureum.core.metrics;

import java.time.Instant;
import java.util.Map;

/** One datapoint of GetMetricStatistics: a period's start, its unit, and the statistics asked for that it has. */
public record StatisticsDatapoint(Instant timestamp, String unit, Map<Stat.Standard, Double> statistics,
                                  Map<String, Double> extendedStatistics) {
}
