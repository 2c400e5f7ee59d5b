package dev.gureum.core.metrics;

import java.util.List;

/**
 * What a metric-math expression evaluates to: a scalar, one time series, an array of time series, or a text
 * argument (METRICS' filter, FILL's REPEAT and LINEAR).
 */
public sealed interface MathValue {

    record Scalar(double value) implements MathValue {
    }

    /** A time series: values by period start (epoch seconds), its label and period in seconds. */
    record Series(String label, Points points, int period) implements MathValue {
    }

    record Array(List<Series> series) implements MathValue {
    }

    record Text(String text) implements MathValue {
    }
}
