package dev.gureum.bench;

import dev.gureum.core.alarm.Alarm;
import dev.gureum.core.alarm.AlarmActions;
import dev.gureum.core.alarm.AlarmDimension;
import dev.gureum.core.alarm.AlarmEvaluator;
import dev.gureum.core.alarm.AlarmHistory;
import dev.gureum.core.alarm.AlarmInstanceActions;
import dev.gureum.core.alarm.AlarmMetrics;
import dev.gureum.core.alarm.AlarmQuery;
import dev.gureum.core.alarm.AlarmRecords;
import dev.gureum.core.alarm.AlarmState;
import dev.gureum.core.alarm.AlarmStatus;
import dev.gureum.core.alarm.AlarmTransitions;
import dev.gureum.core.alarm.AlarmType;
import dev.gureum.core.alarm.ComparisonOperator;
import dev.gureum.core.alarm.Datapoint;
import dev.gureum.core.alarm.MetricAlarmSpec;
import dev.gureum.core.alarm.MetricRef;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.ManualClock;
import dev.gureum.store.EmbeddedStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU of the alarm evaluator: 10,000 metric alarms on 1-minute periods (CPUUtilization, Average, 2 of 3,
 * greater than 80) in the embedded store, evaluated by {@link AlarmEvaluator#round} against an in-memory
 * metric source where every alarm breaches for two minutes in fifty (so about 2 % change state each round,
 * each change a durable write with its history entry). A minute costs one full round and five rounds at the
 * 10-second boundaries between, which only skip 1-minute alarms; their CPU over a minute (a full round's CPU
 * of the whole process, so the store's writer thread counts too) is the figure held to the 5 %-of-a-core target. The same-run reference is the floor any
 * evaluator pays: reading the 10,000 alarms and each one's datapoints, with no rule applied.
 */
final class AlarmRounds implements Benchmark {
    static final String NAME = "alarms";
    private static final int ALARMS = 10_000;
    private static final int WARM_UP_ROUNDS = 30;
    private static final int MEASURED_ROUNDS = 30;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public Report run() throws Exception {
        try (Workspace workspace = Workspace.create(NAME);
             EmbeddedStore embedded = EmbeddedStore.open(workspace.directory().resolve("data"))) {
            FollowedStore store = new FollowedStore(embedded);
            Instant start = Instant.parse("2026-11-29T10:00:00Z");
            ManualClock clock = new ManualClock(start);
            SpikyMetrics metrics = new SpikyMetrics();
            seed(store, start);
            AlarmHistory history = new AlarmHistory(store);
            AlarmActions actions = new AlarmActions(store, history, (account, region, topic, subject, message) -> { },
                    NO_INSTANCES, region -> region, clock, Runnable::run);
            AlarmEvaluator evaluator = new AlarmEvaluator(store, metrics, new AlarmTransitions(store, history, actions,
                    store.follow(AlarmTransitions.parentIndex(store))), history);
            Instant minute = start;
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                minute = minute.plusSeconds(60);
                evaluator.round(minute);
                evaluator.round(minute.plusSeconds(10));
                reference(store, metrics, minute);
            }
            List<Double> full = new ArrayList<>();
            List<Double> skip = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            List<Double> process = new ArrayList<>();
            long transitionsBefore = store.listAll(AlarmRecords.HISTORY).size();
            boolean allEvaluated = true;
            for (int i = 0; i < MEASURED_ROUNDS; i++) {
                minute = minute.plusSeconds(60);
                long processCpu = processCpuNanos();
                long cpu = THREADS.getCurrentThreadCpuTime();
                long started = System.nanoTime();
                allEvaluated &= evaluator.round(minute) == ALARMS;
                wall.add((System.nanoTime() - started) / 1e6);
                full.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
                process.add((processCpuNanos() - processCpu) / 1e6);
                cpu = THREADS.getCurrentThreadCpuTime();
                allEvaluated &= evaluator.round(minute.plusSeconds(10)) == 0;
                skip.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
                cpu = THREADS.getCurrentThreadCpuTime();
                reference(store, metrics, minute);
                floor.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
            }
            double changesPerRound = (store.listAll(AlarmRecords.HISTORY).size() - transitionsBefore)
                    / (double) MEASURED_ROUNDS;
            double fullMs = Statistics.median(full);
            double skipMs = Statistics.median(skip);
            double floorMs = Statistics.median(floor);
            double processMs = Statistics.median(process);
            double perMinuteMs = processMs + 5 * skipMs;
            double coreShare = perMinuteMs / 60_000 * 100;
            return new Report(NAME, "alarm evaluator, " + ALARMS + " metric alarms on 1-minute periods, in-process,"
                    + " embedded store, medians of " + MEASURED_ROUNDS + " rounds after " + WARM_UP_ROUNDS + " warm-up")
                    .figure("reference_read_ms", "read every alarm and its datapoints (reference)", floorMs, "ms",
                            "CPU of the evaluating thread")
                    .figure("round_cpu_ms", "full round: evaluate 10,000", fullMs, "ms", "CPU of the evaluating thread; "
                            + String.format(java.util.Locale.ROOT, "%.2fx reference", fullMs / floorMs))
                    .figure("round_process_cpu_ms", "full round, CPU of the whole process", processMs, "ms",
                            "all threads: the store's writer, GC and JIT included")
                    .figure("round_wall_ms", "full round, wall time", Statistics.median(wall), "ms",
                            "includes waiting for the durable writes of state changes")
                    .figure("skip_round_cpu_ms", "10-second round with nothing due", skipMs, "ms", "")
                    .figure("changes_per_round", "state changes per full round", changesPerRound, "",
                            "each one a durable write with its history entry")
                    .figure("core_share_percent", "CPU per minute / one core", coreShare, "%",
                            "(one full round's process CPU + five 10-second rounds) / 60 s")
                    .check("all_evaluated", "10,000 evaluated each minute, none at :10", allEvaluated, "")
                    .target("core_target", "<= 5 % of one core", coreShare <= 5, "");
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    /** The floor: every alarm read and its datapoints fetched, nothing judged. */
    private static double reference(FollowedStore store, SpikyMetrics metrics, Instant minute) {
        double sum = 0;
        for (Versioned<Alarm> alarm : store.listAll(AlarmRecords.ALARMS)) {
            MetricAlarmSpec spec = alarm.value().metric();
            for (Datapoint point : metrics.statistic(alarm.value().account(), alarm.value().region(), spec.metric(),
                    spec.stat(), spec.period(), minute.minusSeconds(300), minute)) {
                sum += point.value();
            }
        }
        return sum;
    }

    private static void seed(FollowedStore store, Instant now) {
        for (int from = 0; from < ALARMS; from += 1000) {
            WriteBatch batch = new WriteBatch();
            for (int i = from; i < from + 1000; i++) {
                String name = "cpu-" + i;
                MetricAlarmSpec spec = new MetricAlarmSpec(new MetricRef("AWS/EC2", "CPUUtilization",
                        List.of(new AlarmDimension("InstanceId", instanceId(i))), null), "Average", null,
                        List.<AlarmQuery>of(), 60, 3, 2, 80.0, ComparisonOperator.GREATER_THAN_THRESHOLD, null, null);
                batch.put(AlarmRecords.ALARMS, new RecordKey("000000000000", "us-east-1", name), WriteBatch.ABSENT,
                        new Alarm(name, "000000000000", "us-east-1", AlarmType.METRIC, null, true, List.of(),
                                List.of(), List.of(), spec, null, new AlarmStatus(AlarmState.OK, "seeded", null, now, now),
                                now, List.of()));
            }
            store.apply(batch);
        }
    }

    private static String instanceId(int index) {
        return String.format("i-%017x", index);
    }

    /** Every instance at 10 % CPU, except two minutes in fifty at 95 %, offset per instance. */
    private static final class SpikyMetrics implements AlarmMetrics {
        private final Map<String, Integer> indexes = new HashMap<>();

        SpikyMetrics() {
            for (int i = 0; i < ALARMS; i++) {
                indexes.put(instanceId(i), i);
            }
        }

        @Override
        public List<Datapoint> statistic(String account, String region, MetricRef metric, String statistic, int period,
                                         Instant start, Instant end) {
            int index = indexes.get(metric.dimensions().get(0).value());
            List<Datapoint> points = new ArrayList<>(5);
            for (Instant at = start; at.isBefore(end); at = at.plusSeconds(period)) {
                long minute = at.getEpochSecond() / 60;
                points.add(new Datapoint(at, (index + minute) % 50 < 2 ? 95.0 : 10.0, 60));
            }
            return points;
        }

        @Override
        public List<Datapoint> expressions(String account, String region, List<AlarmQuery> queries, int period,
                                           Instant start, Instant end) {
            return List.of();
        }
    }

    private static final AlarmInstanceActions NO_INSTANCES = new AlarmInstanceActions() {
        public void stop(String account, String region, String instanceId) {
        }

        public void terminate(String account, String region, String instanceId) {
        }

        public void reboot(String account, String region, String instanceId) {
        }

        public String recover(String account, String region, String instanceId) {
            return null;
        }
    };
}
