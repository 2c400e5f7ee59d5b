package dev.gureum.core.metrics;

import java.time.Instant;
import java.util.List;

/** One MetricDataResult: the query's id and label, its timestamps and values, and Complete or PartialData. */
public record DataResult(String id, String label, List<Instant> timestamps, List<Double> values, String statusCode,
                         List<ResultMessage> messages) {

    /** A MessageData: a code and a value. */
    public record ResultMessage(String code, String value) {
    }
}
