package dev.gureum.core.alarm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alarm's configuration as CloudWatch writes it into ConfigurationUpdate history (camel-case members of
 * the MetricAlarm or CompositeAlarm shape), and the members an update changed with their former values.
 */
final class AlarmDocument {
    private AlarmDocument() {
    }

    static String of(Alarm alarm) {
        JsonText json = new JsonText();
        fields(alarm).forEach(json::raw);
        return json.toString();
    }

    static String changedFields(Alarm before, Alarm after) {
        Map<String, String> old = fields(before);
        Map<String, String> now = fields(after);
        JsonText json = new JsonText();
        old.forEach((key, value) -> {
            if (!value.equals(now.get(key)) && !key.equals("alarmConfigurationUpdatedTimestamp")) {
                json.raw(key, value);
            }
        });
        now.keySet().stream().filter(key -> !old.containsKey(key)).forEach(key -> json.raw(key, "null"));
        return json.toString();
    }

    /** Member name to its JSON value, in CloudWatch's order. */
    private static Map<String, String> fields(Alarm alarm) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("alarmName", JsonText.quote(alarm.name()));
        fields.put("alarmArn", JsonText.quote(alarm.arn()));
        if (alarm.description() != null) {
            fields.put("alarmDescription", JsonText.quote(alarm.description()));
        }
        fields.put("alarmConfigurationUpdatedTimestamp", JsonText.quote(AlarmTimes.json(alarm.configurationUpdated())));
        fields.put("actionsEnabled", Boolean.toString(alarm.actionsEnabled()));
        fields.put("oKActions", strings(alarm.okActions()));
        fields.put("alarmActions", strings(alarm.alarmActions()));
        fields.put("insufficientDataActions", strings(alarm.insufficientDataActions()));
        if (alarm.type() == AlarmType.COMPOSITE) {
            fields.put("alarmRule", JsonText.quote(alarm.rule()));
            return fields;
        }
        MetricAlarmSpec spec = alarm.metric();
        if (spec.metric() != null) {
            fields.put("metricName", JsonText.quote(spec.metric().metricName()));
            fields.put("namespace", JsonText.quote(spec.metric().namespace()));
            if (spec.statistic() != null) {
                fields.put("statistic", JsonText.quote(spec.statistic()));
            } else {
                fields.put("extendedStatistic", JsonText.quote(spec.extendedStatistic()));
            }
            fields.put("dimensions", JsonText.array(spec.metric().dimensions().stream().map(dimension -> new JsonText()
                    .string("name", dimension.name()).string("value", dimension.value()).toString()).toList()));
            fields.put("period", Integer.toString(spec.period()));
            if (spec.metric().unit() != null) {
                fields.put("unit", JsonText.quote(spec.metric().unit()));
            }
        } else {
            fields.put("metrics", JsonText.array(spec.queries().stream().map(query -> {
                JsonText item = new JsonText().string("id", query.id());
                if (query.expression() != null) {
                    item.string("expression", query.expression());
                } else {
                    item.raw("metricStat", new JsonText().raw("metric", new JsonText()
                                    .string("namespace", query.metric().namespace())
                                    .string("metricName", query.metric().metricName()).toString())
                            .integer("period", query.metricPeriod()).string("stat", query.stat()).toString());
                }
                return item.bool("returnData", query.returnsData()).toString();
            }).toList()));
        }
        fields.put("evaluationPeriods", Integer.toString(spec.evaluationPeriods()));
        if (spec.datapointsToAlarm() != null) {
            fields.put("datapointsToAlarm", Integer.toString(spec.datapointsToAlarm()));
        }
        fields.put("threshold", Double.toString(spec.threshold()));
        fields.put("comparisonOperator", JsonText.quote(spec.comparisonOperator().wireName()));
        fields.put("treatMissingData", JsonText.quote(spec.missingData().wireName()));
        return fields;
    }

    private static String strings(java.util.List<String> values) {
        return JsonText.array(values.stream().map(JsonText::quote).toList());
    }
}
