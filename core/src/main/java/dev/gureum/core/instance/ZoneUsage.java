package dev.gureum.core.instance;

import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The vCPUs each availability zone's hosts hold, for InsufficientInstanceCapacity. Counted once from the
 * store on first use, then kept current by every committed instance change, so a launch never scans
 * the whole cloud. An instance occupies its zone while pending, running, stopping or shutting down.
 * Concurrent launches may overshoot the capacity by one call's instances; EC2's capacity is soft too.
 */
public final class ZoneUsage {
    private final Store store;
    private final LaunchCatalog catalog;
    private final Map<String, AtomicLong> vcpusByZone = new ConcurrentHashMap<>();
    private volatile boolean counted;

    public ZoneUsage(Store store, LaunchCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public long vcpus(String region, String zone) {
        countOnce();
        AtomicLong used = vcpusByZone.get(region + "/" + zone);
        return used == null ? 0 : used.get();
    }

    /** Records a committed change of one instance; {@code before} is null for a launch. */
    public void changed(Instance before, Instance after) {
        if (!counted) {
            return;
        }
        add(before, -1);
        add(after, 1);
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
        if (instance != null && InstanceLaunches.occupiesHost(instance.state())) {
            vcpusByZone.computeIfAbsent(instance.region() + "/" + instance.availabilityZone(), unused -> new AtomicLong())
                    .addAndGet(sign * (long) catalog.type(instance.instanceType()).vcpus());
        }
    }
}
