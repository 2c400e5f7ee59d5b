package dev.gureum.core.alarm;

import dev.gureum.core.tag.Tag;
import java.util.List;

/** PutMetricAlarm's members as the caller sent them (null: not sent), before any rule was applied. */
public record MetricAlarmRequest(String name, String description, Boolean actionsEnabled, List<String> okActions,
                                 List<String> alarmActions, List<String> insufficientDataActions, String namespace,
                                 String metricName, List<AlarmDimension> dimensions, String statistic,
                                 String extendedStatistic, String unit, Integer period, Integer evaluationPeriods,
                                 Integer datapointsToAlarm, Double threshold, String comparisonOperator,
                                 String treatMissingData, String evaluateLowSampleCountPercentile,
                                 List<AlarmQuery> metrics, String thresholdMetricId, List<Tag> tags) {

    public MetricAlarmRequest {
        okActions = okActions == null ? List.of() : List.copyOf(okActions);
        alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
        insufficientDataActions = insufficientDataActions == null ? List.of() : List.copyOf(insufficientDataActions);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
