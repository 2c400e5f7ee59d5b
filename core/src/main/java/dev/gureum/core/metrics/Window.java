package dev.gureum.core.metrics;

import java.time.Instant;

/** The aggregate of one period of a metric's data in one unit: what a datapoint of a query is made from. */
public record Window(Instant start, String unit, Aggregate aggregate) {
}
