package dev.gureum.core.alarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SNS message CloudWatch publishes when an alarm changes state: its subject
 * ({@code ALARM: "cpu-high" in US East (N. Virginia)}, at most 100 characters) and its JSON body with the
 * alarm, the transition and the Trigger (the metric and rule, or the metric-math queries).
 */
final class AlarmNotification {
    private static final int SUBJECT_LIMIT = 100;

    private AlarmNotification() {
    }

    static String subject(Alarm alarm, AlarmState state, String regionName) {
        String subject = state + ": \"" + alarm.name() + "\" in " + regionName;
        return subject.length() <= SUBJECT_LIMIT ? subject : subject.substring(0, SUBJECT_LIMIT);
    }

    static String message(Alarm alarm, AlarmState oldState, AlarmStatus status, String regionName) {
        JsonText json = new JsonText().string("AlarmName", alarm.name()).string("AlarmDescription", alarm.description())
                .string("AWSAccountId", alarm.account())
                .string("AlarmConfigurationUpdatedTimestamp", AlarmTimes.json(alarm.configurationUpdated()))
                .string("NewStateValue", status.value().name()).string("NewStateReason", status.reason())
                .string("StateChangeTime", AlarmTimes.json(status.updated())).string("Region", regionName)
                .string("AlarmArn", alarm.arn()).string("OldStateValue", oldState.name())
                .strings("OKActions", alarm.okActions()).strings("AlarmActions", alarm.alarmActions())
                .strings("InsufficientDataActions", alarm.insufficientDataActions());
        if (alarm.type() == AlarmType.COMPOSITE) {
            return json.string("AlarmRule", alarm.rule()).toString();
        }
        return json.raw("Trigger", trigger(alarm.metric())).toString();
    }

    private static String trigger(MetricAlarmSpec spec) {
        JsonText trigger = new JsonText();
        if (spec.isMath()) {
            List<String> queries = new ArrayList<>();
            for (AlarmQuery query : spec.queries()) {
                JsonText item = new JsonText();
                if (query.expression() != null) {
                    item.string("Expression", query.expression());
                }
                item.string("Id", query.id());
                if (query.label() != null) {
                    item.string("Label", query.label());
                }
                if (query.metric() != null) {
                    item.raw("MetricStat", new JsonText().raw("Metric", new JsonText()
                                    .raw("Dimensions", dimensions(query.metric().dimensions()))
                                    .string("MetricName", query.metric().metricName())
                                    .string("Namespace", query.metric().namespace()).toString())
                            .integer("Period", query.metricPeriod()).string("Stat", query.stat()).toString());
                }
                item.bool("ReturnData", query.returnsData());
                queries.add(item.toString());
            }
            trigger.raw("Period", Integer.toString(spec.period()));
            trigger.integer("EvaluationPeriods", spec.evaluationPeriods());
            if (spec.datapointsToAlarm() != null) {
                trigger.integer("DatapointsToAlarm", spec.datapointsToAlarm());
            }
            return trigger.string("ComparisonOperator", spec.comparisonOperator().wireName())
                    .number("Threshold", spec.threshold()).string("TreatMissingData", spec.missingData().wireName())
                    .string("EvaluateLowSampleCountPercentile", "").raw("Metrics", JsonText.array(queries)).toString();
        }
        trigger.string("MetricName", spec.metric().metricName()).string("Namespace", spec.metric().namespace());
        if (spec.statistic() != null) {
            trigger.string("StatisticType", "Statistic").string("Statistic", spec.statistic().toUpperCase(Locale.ROOT));
        } else {
            trigger.string("StatisticType", "ExtendedStatistic").string("ExtendedStatistic", spec.extendedStatistic());
        }
        trigger.string("Unit", spec.metric().unit()).raw("Dimensions", dimensions(spec.metric().dimensions()))
                .integer("Period", spec.period()).integer("EvaluationPeriods", spec.evaluationPeriods());
        if (spec.datapointsToAlarm() != null) {
            trigger.integer("DatapointsToAlarm", spec.datapointsToAlarm());
        }
        return trigger.string("ComparisonOperator", spec.comparisonOperator().wireName())
                .number("Threshold", spec.threshold()).string("TreatMissingData", spec.missingData().wireName())
                .string("EvaluateLowSampleCountPercentile", spec.evaluateLowSampleCountPercentile() == null ? ""
                        : spec.evaluateLowSampleCountPercentile()).toString();
    }

    private static String dimensions(List<AlarmDimension> dimensions) {
        return JsonText.array(dimensions.stream().map(dimension -> new JsonText().string("value", dimension.value())
                .string("name", dimension.name()).toString()).toList());
    }
}
