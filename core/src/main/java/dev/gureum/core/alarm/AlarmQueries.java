package dev.gureum.core.alarm;

import dev.gureum.core.RequestContext;
import dev.gureum.core.alarm.AlarmHistoryItem.HistoryItemType;
import dev.gureum.core.error.CloudWatchError;
import dev.gureum.core.page.Page;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** DescribeAlarms, DescribeAlarmsForMetric and DescribeAlarmHistory. */
public final class AlarmQueries {
    private final Store store;
    private final AlarmTransitions transitions;

    public AlarmQueries(Store store, AlarmTransitions transitions) {
        this.store = store;
        this.transitions = transitions;
    }

    /** DescribeAlarms' filters; null or empty means not given. */
    public record AlarmFilter(List<String> names, String namePrefix, List<String> types, String childrenOf,
                              String parentsOf, String stateValue, String actionPrefix, Integer maxRecords,
                              String nextToken) {
    }

    /**
     * DescribeAlarms: by names or name prefix, types (only metric alarms when none is given, as CloudWatch
     * does), state and action prefix; or the children or parents of one alarm. In name order, 50 a page.
     */
    public Page<Alarm> describe(RequestContext context, AlarmFilter filter) {
        List<String> names = filter.names() == null ? List.of() : filter.names();
        if (names.size() > 100) {
            throw AlarmValidation.constraint(names, "alarmNames", "Member must have length less than or equal to 100");
        }
        if (!names.isEmpty() && filter.namePrefix() != null) {
            throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception("AlarmNames and AlarmNamePrefix cannot be"
                    + " specified together.");
        }
        boolean family = filter.childrenOf() != null || filter.parentsOf() != null;
        if (family && (filter.childrenOf() != null && filter.parentsOf() != null || !names.isEmpty()
                || filter.namePrefix() != null || filter.stateValue() != null || filter.actionPrefix() != null
                || filter.types() != null && !filter.types().isEmpty())) {
            throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception("ChildrenOfAlarmName and ParentsOfAlarmName"
                    + " cannot be combined with each other or with other filters except MaxRecords and NextToken.");
        }
        Set<AlarmType> types = new HashSet<>();
        for (String type : filter.types() == null ? List.<String>of() : filter.types()) {
            AlarmType parsed = AlarmType.fromWire(type);
            if (parsed == null) {
                throw AlarmValidation.constraint(type, "alarmTypes", "Member must satisfy enum value set: [CompositeAlarm,"
                        + " MetricAlarm]");
            }
            types.add(parsed);
        }
        if (types.isEmpty() && !family) {
            types.add(AlarmType.METRIC);
        }
        AlarmState state = null;
        if (filter.stateValue() != null) {
            state = AlarmState.fromWire(filter.stateValue());
            if (state == null) {
                throw AlarmValidation.constraint(filter.stateValue(), "stateValue",
                        "Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
            }
        }
        List<Alarm> all = store.list(AlarmRecords.ALARMS, context.account(), context.region()).stream()
                .map(Versioned::value).toList();
        Stream<Alarm> selected;
        if (filter.childrenOf() != null) {
            Set<String> children = all.stream().filter(alarm -> alarm.name().equals(filter.childrenOf())
                            && alarm.type() == AlarmType.COMPOSITE).findFirst()
                    .map(composite -> transitions.rule(composite).children()).orElse(Set.of());
            selected = all.stream().filter(alarm -> children.contains(alarm.name()));
        } else if (filter.parentsOf() != null) {
            selected = all.stream().filter(alarm -> alarm.type() == AlarmType.COMPOSITE
                    && transitions.rule(alarm).children().contains(filter.parentsOf()));
        } else {
            AlarmState wanted = state;
            selected = all.stream().filter(alarm -> types.contains(alarm.type()))
                    .filter(alarm -> names.isEmpty() || names.contains(alarm.name()))
                    .filter(alarm -> filter.namePrefix() == null || alarm.name().startsWith(filter.namePrefix()))
                    .filter(alarm -> wanted == null || alarm.status().value() == wanted)
                    .filter(alarm -> filter.actionPrefix() == null || Stream.of(alarm.okActions(), alarm.alarmActions(),
                            alarm.insufficientDataActions()).flatMap(List::stream)
                            .anyMatch(arn -> arn.startsWith(filter.actionPrefix())));
        }
        List<Alarm> ordered = selected.sorted(Comparator.comparing(Alarm::name)).toList();
        return AlarmPages.page(ordered, Alarm::name, filter.maxRecords(), 50, filter.nextToken());
    }

    /** DescribeAlarmsForMetric: metric alarms on exactly this metric (dimensions in any order), optionally narrowed. */
    public List<Alarm> forMetric(RequestContext context, MetricRef metric, String statistic, String extendedStatistic,
                                 Integer period) {
        Set<AlarmDimension> dimensions = new HashSet<>(metric.dimensions());
        return store.list(AlarmRecords.ALARMS, context.account(), context.region()).stream().map(Versioned::value)
                .filter(alarm -> alarm.type() == AlarmType.METRIC && alarm.metric().metric() != null)
                .filter(alarm -> {
                    MetricAlarmSpec spec = alarm.metric();
                    MetricRef watched = spec.metric();
                    return watched.namespace().equals(metric.namespace())
                            && watched.metricName().equals(metric.metricName())
                            && new HashSet<>(watched.dimensions()).equals(dimensions)
                            && (statistic == null || statistic.equals(spec.statistic()))
                            && (extendedStatistic == null || extendedStatistic.equals(spec.extendedStatistic()))
                            && (period == null || period == spec.period())
                            && (metric.unit() == null || metric.unit().equals(watched.unit()));
                })
                .sorted(Comparator.comparing(Alarm::name)).toList();
    }

    /** DescribeAlarmHistory's filters. */
    public record HistoryFilter(String alarmName, List<String> alarmTypes, String itemType, Instant start, Instant end,
                                Integer maxRecords, String nextToken, String scanBy) {
    }

    /**
     * DescribeAlarmHistory: the entries of one alarm or of every alarm of the types asked (metric alarms when
     * none), kept also after an alarm is deleted; newest first unless ScanBy is TimestampAscending.
     */
    public Page<AlarmHistoryItem> history(RequestContext context, HistoryFilter filter) {
        HistoryItemType itemType = null;
        if (filter.itemType() != null) {
            itemType = HistoryItemType.fromWire(filter.itemType());
            if (itemType == null) {
                throw AlarmValidation.constraint(filter.itemType(), "historyItemType", "Member must satisfy enum value"
                        + " set: [ConfigurationUpdate, StateUpdate, Action, AlarmContributorStateUpdate,"
                        + " AlarmContributorAction]");
            }
        }
        boolean ascending = false;
        if (filter.scanBy() != null) {
            if (!filter.scanBy().equals("TimestampDescending") && !filter.scanBy().equals("TimestampAscending")) {
                throw AlarmValidation.constraint(filter.scanBy(), "scanBy",
                        "Member must satisfy enum value set: [TimestampDescending, TimestampAscending]");
            }
            ascending = filter.scanBy().equals("TimestampAscending");
        }
        Set<AlarmType> types = new HashSet<>();
        for (String type : filter.alarmTypes() == null ? List.<String>of() : filter.alarmTypes()) {
            AlarmType parsed = AlarmType.fromWire(type);
            if (parsed == null) {
                throw AlarmValidation.constraint(type, "alarmTypes", "Member must satisfy enum value set: [CompositeAlarm,"
                        + " MetricAlarm]");
            }
            types.add(parsed);
        }
        if (types.isEmpty() && filter.alarmName() == null) {
            types.add(AlarmType.METRIC);
        }
        HistoryItemType wanted = itemType;
        List<Versioned<AlarmHistoryItem>> items = new ArrayList<>(store.list(AlarmRecords.HISTORY, context.account(),
                        context.region()).stream()
                .filter(item -> filter.alarmName() == null || item.value().alarmName().equals(filter.alarmName()))
                .filter(item -> types.isEmpty() || types.contains(item.value().alarmType()))
                .filter(item -> wanted == null || item.value().type() == wanted)
                .filter(item -> filter.start() == null || !item.value().timestamp().isBefore(filter.start()))
                .filter(item -> filter.end() == null || !item.value().timestamp().isAfter(filter.end()))
                .toList());
        Comparator<Versioned<AlarmHistoryItem>> byId = Comparator.comparing(item -> item.key().id());
        items.sort(ascending ? byId : byId.reversed());
        Page<Versioned<AlarmHistoryItem>> page = AlarmPages.page(items, item -> item.key().id(), filter.maxRecords(),
                100, filter.nextToken());
        return new Page<>(page.items().stream().map(Versioned::value).toList(), page.nextToken());
    }

    /** The alarm of a name, for handlers that answer one. */
    public java.util.Optional<Alarm> find(RequestContext context, String name) {
        return store.get(AlarmRecords.ALARMS, new RecordKey(context.account(), context.region(), name))
                .map(Versioned::value);
    }
}
