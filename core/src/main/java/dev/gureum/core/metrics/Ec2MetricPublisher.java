package dev.gureum.core.metrics;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.InstanceStatuses;
import dev.gureum.core.instancetype.InstanceType;
import dev.gureum.core.runtime.InstanceCounters;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.time.ClockScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The cloud's own metrics: every minute of the cloud clock it samples the counters of each running instance
 * from the runtime and publishes what they grew by as {@code AWS/EC2} datapoints — per instance
 * ({@code InstanceId}) every 5 minutes with basic monitoring or every minute with detailed monitoring, and for
 * detailed-monitoring instances also into the aggregates by {@code InstanceType}, {@code ImageId} and without
 * dimension, as EC2 does — plus the status-check metrics every minute, CPU credits for burstable types and
 * {@code AWS/EBS} volume metrics. Each period's datapoint is stamped with the period's start.
 *
 * <p>Counter growth between two samples is spread evenly over the time between them, so a manual clock
 * advanced by an hour yields an hour of periods (at most {@link #MAX_CATCH_UP} are filled in). Only running
 * instances publish; a stopped instance's next start begins a new sampling. Kept in memory: credit balances and
 * the last sample restart after a server restart (the first minute after it has no datapoint).
 */
public final class Ec2MetricPublisher {
    static final Duration TICK = Duration.ofMinutes(1);
    static final Duration MAX_CATCH_UP = Duration.ofHours(24);
    static final String EC2 = "AWS/EC2";
    static final String EBS = "AWS/EBS";

    /** Counter growth per period: covered seconds, then the counters' differences, then the period's length. */
    private static final int COVERED = 0;
    private static final int FIELDS = 14;
    private static final int PERIOD = FIELDS;

    private static final class Tracked {
        Instant sampled;
        double[] counters;
        final TreeMap<Long, double[]> periods = new TreeMap<>();
        long statusPublishedUntil;
        double creditBalance;
    }

    private final Store store;
    private final InstanceRuntime runtime;
    private final InstanceStatuses statuses;
    private final Function<String, Optional<InstanceType>> types;
    private final VolumesOf volumes;
    private final MetricService metrics;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

    /** The EBS volumes attached to an instance, its root volume first. */
    @FunctionalInterface
    public interface VolumesOf {
        List<String> of(String account, String region, String instanceId);
    }

    public Ec2MetricPublisher(Store store, InstanceRuntime runtime, Function<String, Optional<InstanceType>> types,
                              VolumesOf volumes, MetricService metrics) {
        this.store = store;
        this.runtime = runtime;
        this.statuses = new InstanceStatuses(runtime);
        this.types = types;
        this.volumes = volumes;
        this.metrics = metrics;
    }

    /** Samples every minute of the cloud clock from now on. */
    public void start(ClockScheduler scheduler) {
        scheduler.schedule(TICK, () -> {
            try {
                tick(scheduler.clock().now());
            } finally {
                start(scheduler);
            }
        });
    }

    /** One sampling: publishes every period that has ended by {@code now}. */
    public synchronized void tick(Instant now) {
        Set<String> running = new HashSet<>();
        List<MetricPut> puts = new ArrayList<>();
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            if (instance.state() != InstanceState.RUNNING) {
                continue;
            }
            InstanceRef ref = new InstanceRef(instance.ownerId(), instance.region(), instance.id());
            InstanceCounters counters = runtime.counters(ref);
            if (counters == null) {
                continue;
            }
            running.add(instance.id());
            sample(instance, counters, now, puts);
        }
        tracked.keySet().retainAll(running);
        metrics.publish(puts);
    }

    /** Forgets every instance's samples (the admin reset). */
    public synchronized void reset() {
        tracked.clear();
    }

    private void sample(Instance instance, InstanceCounters counters, Instant now, List<MetricPut> puts) {
        double[] current = fields(counters);
        Optional<InstanceType> type = types.apply(instance.instanceType());
        Tracked state = tracked.get(instance.id());
        long nowSecond = now.getEpochSecond();
        if (state == null) {
            state = new Tracked();
            state.sampled = now;
            state.counters = current;
            state.statusPublishedUntil = Math.floorDiv(nowSecond, 60) * 60;
            state.creditBalance = type.filter(InstanceType::burstable)
                    .filter(burstable -> burstable.name().startsWith("t2.")).map(t2 -> 30.0 * t2.virtualCpus().defaultVcpus())
                    .orElse(0.0);
            tracked.put(instance.id(), state);
            return;
        }
        long start = state.sampled.getEpochSecond();
        int period = instance.monitoring() ? 60 : 300;
        if (nowSecond > start) {
            double[] growth = new double[FIELDS];
            boolean reset = false;
            for (int i = 1; i < FIELDS; i++) {
                growth[i] = current[i] - state.counters[i];
                reset |= growth[i] < 0;
            }
            if (!reset) {
                spread(state.periods, growth, Math.max(start, nowSecond - MAX_CATCH_UP.toSeconds()), nowSecond,
                        nowSecond - start, period);
            }
            state.sampled = now;
            state.counters = current;
        }
        // A period keeps the length it was opened with, so switching monitoring on or off mid-period is exact.
        while (!state.periods.isEmpty()
                && state.periods.firstKey() + (long) state.periods.firstEntry().getValue()[PERIOD] <= nowSecond) {
            Map.Entry<Long, double[]> ended = state.periods.pollFirstEntry();
            publishPeriod(instance, type, state, ended.getKey(), ended.getValue(), puts);
        }
        InstanceStatuses.View view = statuses.of(instance);
        for (long minute = Math.max(state.statusPublishedUntil, Math.floorDiv(nowSecond - MAX_CATCH_UP.toSeconds(), 60) * 60);
             minute + 60 <= nowSecond; minute += 60) {
            double system = view.system().failed() ? 1 : 0;
            double check = view.instance().failed() ? 1 : 0;
            for (List<MetricDimension> dimensions : dimensionSets(instance, true)) {
                puts.add(put(instance, EC2, "StatusCheckFailed_System", dimensions, "Count", minute, system));
                puts.add(put(instance, EC2, "StatusCheckFailed_Instance", dimensions, "Count", minute, check));
                puts.add(put(instance, EC2, "StatusCheckFailed", dimensions, "Count", minute, Math.max(system, check)));
            }
            state.statusPublishedUntil = minute + 60;
        }
    }

    /** Adds growth over [from, to) (of a sampling that spanned {@code span} seconds) to the periods it overlaps. */
    private static void spread(TreeMap<Long, double[]> periods, double[] growth, long from, long to, long span, int period) {
        for (long window = Math.floorDiv(from, period) * period; window < to; window += period) {
            long overlap = Math.min(to, window + period) - Math.max(from, window);
            if (overlap <= 0) {
                continue;
            }
            double[] totals = periods.computeIfAbsent(window, unused -> new double[FIELDS + 1]);
            if (totals[PERIOD] == 0) {
                totals[PERIOD] = period;
            }
            totals[COVERED] += overlap;
            double fraction = (double) overlap / span;
            for (int i = 1; i < FIELDS; i++) {
                totals[i] += growth[i] * fraction;
            }
        }
    }

    private void publishPeriod(Instance instance, Optional<InstanceType> type, Tracked state, long window,
                               double[] totals, List<MetricPut> puts) {
        double covered = totals[COVERED];
        if (covered <= 0) {
            return;
        }
        int vcpus = type.map(found -> found.virtualCpus().defaultVcpus()).orElse(1);
        double cpuPercent = Math.min(100, totals[1] / (vcpus * covered) * 100);
        for (List<MetricDimension> dimensions : dimensionSets(instance, instance.monitoring())) {
            puts.add(put(instance, EC2, "CPUUtilization", dimensions, "Percent", window, cpuPercent));
            puts.add(put(instance, EC2, "NetworkIn", dimensions, "Bytes", window, totals[2]));
            puts.add(put(instance, EC2, "NetworkOut", dimensions, "Bytes", window, totals[3]));
            puts.add(put(instance, EC2, "NetworkPacketsIn", dimensions, "Count", window, totals[4]));
            puts.add(put(instance, EC2, "NetworkPacketsOut", dimensions, "Count", window, totals[5]));
            puts.add(put(instance, EC2, "DiskReadBytes", dimensions, "Bytes", window, totals[6]));
            puts.add(put(instance, EC2, "DiskWriteBytes", dimensions, "Bytes", window, totals[7]));
            puts.add(put(instance, EC2, "DiskReadOps", dimensions, "Count", window, totals[8]));
            puts.add(put(instance, EC2, "DiskWriteOps", dimensions, "Count", window, totals[9]));
        }
        if (type.isPresent() && type.get().burstable()) {
            double used = totals[1] / 60;
            double earned = type.get().cpuCreditsPerHour() * covered / 3600;
            state.creditBalance = Math.max(0, Math.min(type.get().cpuCreditsPerHour() * 24,
                    state.creditBalance + earned - used));
            List<MetricDimension> byInstance = List.of(new MetricDimension("InstanceId", instance.id()));
            puts.add(put(instance, EC2, "CPUCreditUsage", byInstance, "Count", window, used));
            puts.add(put(instance, EC2, "CPUCreditBalance", byInstance, "Count", window, state.creditBalance));
        }
        List<String> attached = volumes.of(instance.ownerId(), instance.region(), instance.id());
        for (int i = 0; i < attached.size(); i++) {
            List<MetricDimension> byVolume = List.of(new MetricDimension("VolumeId", attached.get(i)));
            boolean root = i == 0;
            double reads = root ? totals[12] : 0;
            double writes = root ? totals[13] : 0;
            puts.add(put(instance, EBS, "VolumeReadBytes", byVolume, "Bytes", window, root ? totals[10] : 0));
            puts.add(put(instance, EBS, "VolumeWriteBytes", byVolume, "Bytes", window, root ? totals[11] : 0));
            puts.add(put(instance, EBS, "VolumeReadOps", byVolume, "Count", window, reads));
            puts.add(put(instance, EBS, "VolumeWriteOps", byVolume, "Count", window, writes));
            puts.add(put(instance, EBS, "VolumeIdleTime", byVolume, "Seconds", window,
                    reads + writes > 0 ? 0 : covered));
        }
    }

    /** The instance's own dimension, and with {@code aggregates} EC2's aggregate dimensions too. */
    private static List<List<MetricDimension>> dimensionSets(Instance instance, boolean aggregates) {
        List<MetricDimension> byInstance = List.of(new MetricDimension("InstanceId", instance.id()));
        if (!aggregates) {
            return List.of(byInstance);
        }
        return List.of(byInstance, List.of(new MetricDimension("InstanceType", instance.instanceType())),
                List.of(new MetricDimension("ImageId", instance.imageId())), List.of());
    }

    private static MetricPut put(Instance instance, String namespace, String name, List<MetricDimension> dimensions,
                                 String unit, long window, double value) {
        return MetricPut.single(new MetricKey(instance.ownerId(), instance.region(), namespace, name, dimensions), unit,
                window * 1000, 60, value);
    }

    private static double[] fields(InstanceCounters counters) {
        return new double[] {0, counters.cpuSeconds(), counters.networkBytesIn(), counters.networkBytesOut(),
                counters.networkPacketsIn(), counters.networkPacketsOut(), counters.diskReadBytes(),
                counters.diskWriteBytes(), counters.diskReadOps(), counters.diskWriteOps(), counters.ebsReadBytes(),
                counters.ebsWriteBytes(), counters.ebsReadOps(), counters.ebsWriteOps()};
    }
}
