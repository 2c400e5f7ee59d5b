package dev.gureum.core.alarm;

/**
 * One MetricDataQuery of a metric-math alarm, as PutMetricAlarm's {@code Metrics} member carries it:
 * either a metric with a stat and period, or an expression over other queries' ids.
 * {@code returnData} null means true (CloudWatch's default).
 */
public record AlarmQuery(String id, String expression, String label, Boolean returnData, Integer period,
                         String accountId, MetricRef metric, String stat, Integer metricPeriod) {

    public boolean returnsData() {
        return returnData == null || returnData;
    }
}
