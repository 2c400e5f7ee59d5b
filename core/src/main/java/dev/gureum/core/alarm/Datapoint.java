package dev.gureum.core.alarm;

import java.time.Instant;

/** One period's value of a metric statistic or expression: the period's start, its value and its sample count. */
public record Datapoint(Instant timestamp, double value, double sampleCount) {
}
