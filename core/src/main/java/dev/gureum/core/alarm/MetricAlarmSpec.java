package dev.gureum.core.alarm;

import java.util.List;

/**
 * What a metric alarm watches and how: a metric with a statistic (or extended statistic such as
 * {@code p99}), or metric-math queries; the period, M of N, the comparison and what missing data counts as.
 */
public record MetricAlarmSpec(MetricRef metric, String statistic, String extendedStatistic, List<AlarmQuery> queries,
                              int period, int evaluationPeriods, Integer datapointsToAlarm, double threshold,
                              ComparisonOperator comparisonOperator, MissingData treatMissingData,
                              String evaluateLowSampleCountPercentile) {

    public MetricAlarmSpec {
        queries = queries == null ? List.of() : List.copyOf(queries);
    }

    public boolean isMath() {
        return !queries.isEmpty();
    }

    /** M of M-of-N: DatapointsToAlarm, or all N when it was not given. */
    public int datapointsNeeded() {
        return datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
    }

    /** The statistic the alarm's metric is read with: Statistic, else ExtendedStatistic. */
    public String stat() {
        return statistic != null ? statistic : extendedStatistic;
    }

    public MissingData missingData() {
        return treatMissingData == null ? MissingData.MISSING : treatMissingData;
    }
}
