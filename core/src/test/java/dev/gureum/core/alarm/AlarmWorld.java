package dev.gureum.core.alarm;

import dev.gureum.core.RequestContext;
import dev.gureum.core.alarm.AlarmHistoryItem.HistoryItemType;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Alarms wired to hand-written fakes on a manual clock: metrics with data, a recording notifier and instances. */
public final class AlarmWorld {
    public static final String ACCOUNT = "000000000000";
    public static final String REGION = "us-east-1";
    public static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:ops";

    public final FollowedStore store = new FollowedStore(new FakeStore());
    public final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    public final FakeMetrics metrics = new FakeMetrics();
    public final List<String[]> notifications = new ArrayList<>();
    public final List<String> instanceCommands = new ArrayList<>();
    public final AlarmHistory history = new AlarmHistory(store);
    public final AlarmActions actions;
    public final AlarmTransitions transitions;
    public final AlarmService service;
    public final AlarmQueries queries;
    public final AlarmEvaluator evaluator;

    public AlarmWorld() {
        this(null);
    }

    /** @param instances EC2 actions, or null for a recorder */
    public AlarmWorld(AlarmInstanceActions instances) {
        AlarmNotifier notifier = (account, region, topicArn, subject, message) -> {
            if (topicArn.endsWith(":missing")) {
                throw dev.gureum.core.error.SnsError.NOT_FOUND.exception("Topic does not exist");
            }
            notifications.add(new String[] {topicArn, subject, message});
        };
        actions = new AlarmActions(store, history, notifier, instances != null ? instances : new AlarmInstanceActions() {
            public void stop(String account, String region, String id) {
                instanceCommands.add("stop " + id);
            }

            public void terminate(String account, String region, String id) {
                instanceCommands.add("terminate " + id);
            }

            public void reboot(String account, String region, String id) {
                instanceCommands.add("reboot " + id);
            }

            public String recover(String account, String region, String id) {
                instanceCommands.add("recover " + id);
                return "simulated";
            }
        }, region -> "US East (N. Virginia)", clock, Runnable::run);
        transitions = new AlarmTransitions(store, history, actions,
                store.follow(AlarmTransitions.parentIndex(store)));
        service = new AlarmService(store, history, transitions);
        queries = new AlarmQueries(store, transitions);
        evaluator = new AlarmEvaluator(store, metrics, transitions, history);
    }

    public RequestContext context() {
        return new RequestContext(ACCOUNT, REGION, "request", clock.now(), false);
    }

    /** A CPUUtilization alarm on an instance: Average over 60 s, M of N, greater than 80. */
    public static MetricAlarmRequest cpuAlarm(String name, int n, Integer m, String treatMissingData, List<String> actions) {
        return new MetricAlarmRequest(name, "CPU too high", null, List.of(), actions, List.of(), "AWS/EC2",
                "CPUUtilization", List.of(new AlarmDimension("InstanceId", "i-0123456789abcdef0")), "Average", null,
                null, 60, n, m, 80.0, "GreaterThanThreshold", treatMissingData, null, List.of(), null,
                List.of(new Tag("team", "ops")));
    }

    public Alarm alarm(String name) {
        return versioned(name).value();
    }

    public Versioned<Alarm> versioned(String name) {
        return store.get(AlarmRecords.ALARMS, new RecordKey(ACCOUNT, REGION, name)).orElseThrow();
    }

    /** Advances the clock by a minute and runs the evaluation round at that minute. */
    public void minute() {
        clock.advance(java.time.Duration.ofMinutes(1));
        evaluator.round(clock.now());
    }

    public List<AlarmHistoryItem> history(String name, HistoryItemType type) {
        return store.list(AlarmRecords.HISTORY, ACCOUNT, REGION).stream().map(Versioned::value)
                .filter(item -> item.alarmName().equals(name) && (type == null || item.type() == type))
                .sorted(Comparator.comparing(AlarmHistoryItem::timestamp)).toList();
    }

    /** Metric data by metric name: period start → value, any statistic. */
    public static final class FakeMetrics implements AlarmMetrics {
        final Map<String, Map<Instant, Double>> series = new ConcurrentHashMap<>();

        public void put(String metricName, Instant periodStart, double value) {
            series.computeIfAbsent(metricName, unused -> new ConcurrentHashMap<>()).put(periodStart, value);
        }

        @Override
        public List<Datapoint> statistic(String account, String region, MetricRef metric, String statistic, int period,
                                         Instant start, Instant end) {
            return points(metric.metricName(), start, end);
        }

        @Override
        public List<Datapoint> expressions(String account, String region, List<AlarmQuery> queries, int period,
                                           Instant start, Instant end) {
            AlarmQuery returned = queries.stream().filter(AlarmQuery::returnsData).findFirst().orElseThrow();
            return points(returned.id(), start, end);
        }

        private List<Datapoint> points(String name, Instant start, Instant end) {
            return series.getOrDefault(name, Map.of()).entrySet().stream()
                    .filter(entry -> !entry.getKey().isBefore(start) && entry.getKey().isBefore(end))
                    .map(entry -> new Datapoint(entry.getKey(), entry.getValue(), 1.0))
                    .sorted(Comparator.comparing(Datapoint::timestamp)).toList();
        }
    }
}
