package dev.gureum.server.cloudwatch;

import dev.gureum.core.RequestContext;
import dev.gureum.core.alarm.Alarm;
import dev.gureum.core.alarm.AlarmDimension;
import dev.gureum.core.alarm.AlarmQueries;
import dev.gureum.core.alarm.AlarmQuery;
import dev.gureum.core.alarm.AlarmService;
import dev.gureum.core.alarm.AlarmTags;
import dev.gureum.core.alarm.AlarmType;
import dev.gureum.core.alarm.MetricAlarmRequest;
import dev.gureum.core.alarm.MetricAlarmSpec;
import dev.gureum.core.alarm.MetricRef;
import dev.gureum.core.page.Page;
import dev.gureum.core.tag.Tag;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;

/**
 * The alarm operations: PutMetricAlarm, PutCompositeAlarm, DescribeAlarms, DescribeAlarmsForMetric,
 * DescribeAlarmHistory, SetAlarmState, Enable/DisableAlarmActions, DeleteAlarms and the tag operations on
 * alarm ARNs. They translate CloudWatch's shapes; the rules are core's ({@code dev.gureum.core.alarm}).
 */
final class AlarmHandlers {
    private final AlarmService alarms;
    private final AlarmQueries queries;
    private final AlarmTags tags;

    AlarmHandlers(AlarmService alarms, AlarmQueries queries, AlarmTags tags) {
        this.alarms = alarms;
        this.queries = queries;
        this.tags = tags;
    }

    void registerInto(OperationTable table) {
        table.register(PutMetricAlarmRequest.class, this::putMetricAlarm);
        table.register(PutCompositeAlarmRequest.class, this::putCompositeAlarm);
        table.register(DescribeAlarmsRequest.class, this::describe);
        table.register(DescribeAlarmsForMetricRequest.class, this::describeForMetric);
        table.register(DescribeAlarmHistoryRequest.class, this::history);
        table.register(SetAlarmStateRequest.class, this::setState);
        table.register(EnableAlarmActionsRequest.class, this::enable);
        table.register(DisableAlarmActionsRequest.class, this::disable);
        table.register(DeleteAlarmsRequest.class, this::delete);
        table.register(TagResourceRequest.class, this::tag);
        table.register(UntagResourceRequest.class, this::untag);
        table.register(ListTagsForResourceRequest.class, this::listTags);
    }

    PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest request, RequestContext context) {
        alarms.putMetricAlarm(context, new MetricAlarmRequest(request.alarmName(), request.alarmDescription(),
                request.actionsEnabled(), request.okActions(), request.alarmActions(), request.insufficientDataActions(),
                request.namespace(), request.metricName(), dimensions(request.dimensions()),
                request.statisticAsString(), request.extendedStatistic(), request.unitAsString(), request.period(),
                request.evaluationPeriods(), request.datapointsToAlarm(), request.threshold(),
                request.comparisonOperatorAsString(), request.treatMissingData(),
                request.evaluateLowSampleCountPercentile(), request.metrics().stream().map(AlarmHandlers::query).toList(),
                request.thresholdMetricId(), tagsOf(request.tags())));
        return PutMetricAlarmResponse.builder().build();
    }

    PutCompositeAlarmResponse putCompositeAlarm(PutCompositeAlarmRequest request, RequestContext context) {
        alarms.putCompositeAlarm(context, new AlarmService.CompositeAlarmRequest(request.alarmName(),
                request.alarmDescription(), request.actionsEnabled(), request.okActions(), request.alarmActions(),
                request.insufficientDataActions(), request.alarmRule(), request.actionsSuppressor(),
                tagsOf(request.tags())));
        return PutCompositeAlarmResponse.builder().build();
    }

    DescribeAlarmsResponse describe(DescribeAlarmsRequest request, RequestContext context) {
        Page<Alarm> page = queries.describe(context, new AlarmQueries.AlarmFilter(request.alarmNames(),
                request.alarmNamePrefix(), request.alarmTypesAsStrings(), request.childrenOfAlarmName(),
                request.parentsOfAlarmName(), request.stateValueAsString(), request.actionPrefix(),
                request.maxRecords(), request.nextToken()));
        return DescribeAlarmsResponse.builder()
                .metricAlarms(page.items().stream().filter(alarm -> alarm.type() == AlarmType.METRIC)
                        .map(AlarmHandlers::metricAlarm).toList())
                .compositeAlarms(page.items().stream().filter(alarm -> alarm.type() == AlarmType.COMPOSITE)
                        .map(AlarmHandlers::compositeAlarm).toList())
                .nextToken(page.nextToken()).build();
    }

    DescribeAlarmsForMetricResponse describeForMetric(DescribeAlarmsForMetricRequest request, RequestContext context) {
        List<Alarm> found = queries.forMetric(context, new MetricRef(request.namespace(), request.metricName(),
                        dimensions(request.dimensions()), request.unitAsString()), request.statisticAsString(),
                request.extendedStatistic(), request.period());
        return DescribeAlarmsForMetricResponse.builder().metricAlarms(found.stream().map(AlarmHandlers::metricAlarm)
                .toList()).build();
    }

    DescribeAlarmHistoryResponse history(DescribeAlarmHistoryRequest request, RequestContext context) {
        Page<dev.gureum.core.alarm.AlarmHistoryItem> page = queries.history(context, new AlarmQueries.HistoryFilter(
                request.alarmName(), request.alarmTypesAsStrings(), request.historyItemTypeAsString(),
                request.startDate(), request.endDate(), request.maxRecords(), request.nextToken(),
                request.scanByAsString()));
        return DescribeAlarmHistoryResponse.builder().alarmHistoryItems(page.items().stream().map(item ->
                AlarmHistoryItem.builder().alarmName(item.alarmName()).alarmType(item.alarmType().wireName())
                        .timestamp(item.timestamp()).historyItemType(item.type().wireName())
                        .historySummary(item.summary()).historyData(item.data()).build()).toList())
                .nextToken(page.nextToken()).build();
    }

    SetAlarmStateResponse setState(SetAlarmStateRequest request, RequestContext context) {
        alarms.setState(context, request.alarmName(), request.stateValueAsString(), request.stateReason(),
                request.stateReasonData());
        return SetAlarmStateResponse.builder().build();
    }

    EnableAlarmActionsResponse enable(EnableAlarmActionsRequest request, RequestContext context) {
        alarms.setActionsEnabled(context, request.alarmNames(), true);
        return EnableAlarmActionsResponse.builder().build();
    }

    DisableAlarmActionsResponse disable(DisableAlarmActionsRequest request, RequestContext context) {
        alarms.setActionsEnabled(context, request.alarmNames(), false);
        return DisableAlarmActionsResponse.builder().build();
    }

    DeleteAlarmsResponse delete(DeleteAlarmsRequest request, RequestContext context) {
        alarms.delete(context, request.alarmNames());
        return DeleteAlarmsResponse.builder().build();
    }

    TagResourceResponse tag(TagResourceRequest request, RequestContext context) {
        tags.tag(context, request.resourceARN(), tagsOf(request.tags()));
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untag(UntagResourceRequest request, RequestContext context) {
        tags.untag(context, request.resourceARN(), request.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTags(ListTagsForResourceRequest request, RequestContext context) {
        return ListTagsForResourceResponse.builder().tags(tags.list(context, request.resourceARN()).stream()
                .map(tag -> software.amazon.awssdk.services.cloudwatch.model.Tag.builder().key(tag.key())
                        .value(tag.value()).build()).toList()).build();
    }

    private static List<AlarmDimension> dimensions(List<Dimension> dimensions) {
        return dimensions.stream().map(dimension -> new AlarmDimension(dimension.name(), dimension.value())).toList();
    }

    private static List<Tag> tagsOf(List<software.amazon.awssdk.services.cloudwatch.model.Tag> tags) {
        return tags.stream().map(tag -> new Tag(tag.key(), tag.value())).toList();
    }

    private static AlarmQuery query(MetricDataQuery query) {
        MetricStat stat = query.metricStat();
        MetricRef metric = stat == null || stat.metric() == null ? null : new MetricRef(stat.metric().namespace(),
                stat.metric().metricName(), dimensions(stat.metric().dimensions()), stat.unitAsString());
        return new AlarmQuery(query.id(), query.expression(), query.label(), query.returnData(), query.period(),
                query.accountId(), metric, stat == null ? null : stat.stat(), stat == null ? null : stat.period());
    }

    private static MetricAlarm metricAlarm(Alarm alarm) {
        MetricAlarmSpec spec = alarm.metric();
        MetricAlarm.Builder builder = MetricAlarm.builder().alarmName(alarm.name()).alarmArn(alarm.arn())
                .alarmDescription(alarm.description())
                .alarmConfigurationUpdatedTimestamp(alarm.configurationUpdated())
                .actionsEnabled(alarm.actionsEnabled()).okActions(alarm.okActions()).alarmActions(alarm.alarmActions())
                .insufficientDataActions(alarm.insufficientDataActions())
                .stateValue(alarm.status().value().name()).stateReason(alarm.status().reason())
                .stateReasonData(alarm.status().reasonData()).stateUpdatedTimestamp(alarm.status().updated())
                .stateTransitionedTimestamp(alarm.status().transitioned())
                .evaluationPeriods(spec.evaluationPeriods()).datapointsToAlarm(spec.datapointsToAlarm())
                .threshold(spec.threshold()).comparisonOperator(spec.comparisonOperator().wireName())
                .treatMissingData(spec.treatMissingData() == null ? null : spec.treatMissingData().wireName())
                .evaluateLowSampleCountPercentile(spec.evaluateLowSampleCountPercentile());
        if (spec.isMath()) {
            return builder.metrics(spec.queries().stream().map(AlarmHandlers::wireQuery).toList()).build();
        }
        return builder.metricName(spec.metric().metricName()).namespace(spec.metric().namespace())
                .statistic(spec.statistic()).extendedStatistic(spec.extendedStatistic())
                .dimensions(wireDimensions(spec.metric().dimensions())).period(spec.period())
                .unit(spec.metric().unit()).build();
    }

    private static MetricDataQuery wireQuery(AlarmQuery query) {
        MetricDataQuery.Builder builder = MetricDataQuery.builder().id(query.id()).expression(query.expression())
                .label(query.label()).returnData(query.returnData()).period(query.period()).accountId(query.accountId());
        if (query.metric() != null) {
            builder.metricStat(MetricStat.builder().metric(Metric.builder().namespace(query.metric().namespace())
                            .metricName(query.metric().metricName())
                            .dimensions(wireDimensions(query.metric().dimensions())).build())
                    .period(query.metricPeriod()).stat(query.stat()).unit(query.metric().unit()).build());
        }
        return builder.build();
    }

    private static List<Dimension> wireDimensions(List<AlarmDimension> dimensions) {
        return dimensions.stream().map(dimension -> Dimension.builder().name(dimension.name()).value(dimension.value())
                .build()).toList();
    }

    private static CompositeAlarm compositeAlarm(Alarm alarm) {
        return CompositeAlarm.builder().alarmName(alarm.name()).alarmArn(alarm.arn()).alarmDescription(alarm.description())
                .alarmRule(alarm.rule()).alarmConfigurationUpdatedTimestamp(alarm.configurationUpdated())
                .actionsEnabled(alarm.actionsEnabled()).okActions(alarm.okActions()).alarmActions(alarm.alarmActions())
                .insufficientDataActions(alarm.insufficientDataActions())
                .stateValue(alarm.status().value().name()).stateReason(alarm.status().reason())
                .stateReasonData(alarm.status().reasonData()).stateUpdatedTimestamp(alarm.status().updated())
                .stateTransitionedTimestamp(alarm.status().transitioned()).build();
    }
}
