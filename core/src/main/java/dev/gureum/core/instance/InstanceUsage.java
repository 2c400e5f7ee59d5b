package dev.gureum.core.instance;

import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What launches are measured against, kept as running counts so a launch never lists instances: the
 * vCPUs each availability zone's hosts hold (for InsufficientInstanceCapacity; an instance occupies its
 * zone while pending, running, stopping or shutting down) and each account's instances per zone that
 * are not terminated (for InstanceLimitExceeded and for spreading launches over zones). Counted once
 * from the store on first use, then kept current by every committed instance change. Concurrent launches
 * may overshoot a limit by one call's instances; EC2's limits are soft too.
 */
public final class InstanceUsage {
    private final Store store;
    private final LaunchCatalog catalog;
    private final Map<String, AtomicLong> vcpusByZone = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> spotVcpusByZone = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> instancesByAccountZone = new ConcurrentHashMap<>();
    private volatile boolean counted;

    public InstanceUsage(Store store, LaunchCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** vCPUs held by the zone's hosts, across accounts. */
    public long vcpus(String region, String zone) {
        countOnce();
        return read(vcpusByZone, region + "/" + zone);
    }

    /**
     * The vCPUs and memory of all instances occupying a host, in every region and zone, as the store has them
     * now: one pass over the instance records, not a running count, so a launch right after an instance was
     * seen stopping is measured against what every reader sees (asked only for a runtime with a capacity).
     */
    public HostLoad hostLoad() {
        long vcpus = 0;
        long memory = 0;
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            if (InstanceLaunches.occupiesHost(instance.state())) {
                LaunchCatalog.TypeFacts type = catalog.type(instance.instanceType());
                vcpus += type.vcpus();
                memory += type.memoryMebibytes();
            }
        }
        return new HostLoad(vcpus, memory);
    }

    /** What the instances occupying a host take of it. */
    public record HostLoad(long vcpus, long memoryMebibytes) {
    }

    /** vCPUs held by the zone's Spot Instances, across accounts (part of {@link #vcpus}). */
    public long spotVcpus(String region, String zone) {
        countOnce();
        return read(spotVcpusByZone, region + "/" + zone);
    }

    /** The account's instances in the zone that are not terminated. */
    public long instances(String account, String region, String zone) {
        countOnce();
        return read(instancesByAccountZone, account + "/" + region + "/" + zone);
    }

    /** The account's instances in the region that are not terminated. */
    public long instances(String account, String region) {
        countOnce();
        String prefix = account + "/" + region + "/";
        long total = 0;
        for (Map.Entry<String, AtomicLong> entry : instancesByAccountZone.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                total += entry.getValue().get();
            }
        }
        return total;
    }

    /** Records a committed change of one instance; {@code before} is null for a launch. */
    public void changed(Instance before, Instance after) {
        if (!counted || before != null && after != null && countAlike(before, after)) {
            return;
        }
        add(before, -1);
        add(after, 1);
    }

    /**
     * Whether two versions of an instance are counted alike (pending to running, running to stopping): then a
     * change moves no count, and its keys are not made twice over for nothing.
     */
    private static boolean countAlike(Instance before, Instance after) {
        return holdsVcpus(before) == holdsVcpus(after) && counted(before) == counted(after)
                && (before.spot() == null) == (after.spot() == null)
                && before.instanceType().equals(after.instanceType())
                && before.availabilityZone().equals(after.availabilityZone())
                && before.region().equals(after.region()) && before.ownerId().equals(after.ownerId());
    }

    private static boolean holdsVcpus(Instance instance) {
        return InstanceLaunches.occupiesHost(instance.state());
    }

    private static boolean counted(Instance instance) {
        return instance.state() != InstanceState.TERMINATED;
    }

    /** After the store was wiped: nothing is in use any more. */
    public synchronized void wiped() {
        vcpusByZone.clear();
        spotVcpusByZone.clear();
        instancesByAccountZone.clear();
    }

    private void countOnce() {
        if (counted) {
            return;
        }
        synchronized (this) {
            if (!counted) {
                for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
                    add(versioned.value(), 1);
                }
                counted = true;
            }
        }
    }

    private void add(Instance instance, int sign) {
        if (instance == null) {
            return;
        }
        if (holdsVcpus(instance)) {
            long vcpus = sign * (long) catalog.type(instance.instanceType()).vcpus();
            increment(vcpusByZone, instance.region() + "/" + instance.availabilityZone(), vcpus);
            if (instance.spot() != null) {
                increment(spotVcpusByZone, instance.region() + "/" + instance.availabilityZone(), vcpus);
            }
        }
        if (counted(instance)) {
            increment(instancesByAccountZone, instance.ownerId() + "/" + instance.region() + "/"
                    + instance.availabilityZone(), sign);
        }
    }

    private static void increment(Map<String, AtomicLong> counts, String key, long delta) {
        counts.computeIfAbsent(key, unused -> new AtomicLong()).addAndGet(delta);
    }

    private static long read(Map<String, AtomicLong> counts, String key) {
        AtomicLong count = counts.get(key);
        return count == null ? 0 : count.get();
    }
}
