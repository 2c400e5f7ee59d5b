package dev.gureum.core.alarm;

import java.time.Instant;
import java.util.List;

/**
 * What alarms read from CloudWatch's metric store: one statistic of one metric per period, or the one
 * returned series of metric-math queries. Datapoints come oldest first, one per period that has data,
 * stamped with the period's start; a period without data has no datapoint.
 */
public interface AlarmMetrics {

    /**
     * @param statistic SampleCount, Average, Sum, Minimum, Maximum, or an extended statistic such as {@code p99}
     */
    List<Datapoint> statistic(String account, String region, MetricRef metric, String statistic, int period,
                              Instant start, Instant end);

    /** The series of the one query with ReturnData true, evaluated over start..end at the period. */
    List<Datapoint> expressions(String account, String region, List<AlarmQuery> queries, int period, Instant start,
                                Instant end);

    /** A metric store that holds nothing: every metric is empty, so alarms follow TreatMissingData. */
    AlarmMetrics NONE = new AlarmMetrics() {
        @Override
        public List<Datapoint> statistic(String account, String region, MetricRef metric, String statistic,
                                         int period, Instant start, Instant end) {
            return List.of();
        }

        @Override
        public List<Datapoint> expressions(String account, String region, List<AlarmQuery> queries, int period,
                                           Instant start, Instant end) {
            return List.of();
        }
    };
}
