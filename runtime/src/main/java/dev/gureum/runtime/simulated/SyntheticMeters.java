package dev.gureum.runtime.simulated;

import dev.gureum.core.runtime.InstanceCounters;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.StatusChecks;
import dev.gureum.core.runtime.SyntheticLoad;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated instances' counters: each instance runs its {@link SyntheticLoad.Load} (idle unless set)
 * while it is running, and its counters grow by that load times the cloud-clock time it ran. Packets are
 * counted at 1,000 bytes each and disk operations at 16 KiB each (disk load goes to the instance's EBS
 * volumes, as on an EBS-only instance). Held in memory: after a restart counters start again from zero and
 * loads are idle, as counters of a rebooted host would.
 */
final class SyntheticMeters {
    static final double BYTES_PER_PACKET = 1000;
    static final double BYTES_PER_DISK_OPERATION = 16 * 1024;

    private static final class Meter {
        final int vcpus;
        SyntheticLoad.Load load = SyntheticLoad.Load.IDLE;
        Instant runningSince;
        double cpuSeconds;
        double networkIn;
        double networkOut;
        double diskRead;
        double diskWrite;
        boolean systemImpaired;
        boolean instanceImpaired;

        Meter(int vcpus) {
            this.vcpus = vcpus;
        }

        /** Adds what the load did from runningSince to now, and restarts the span at now. */
        void settle(Instant now) {
            if (runningSince == null) {
                return;
            }
            double seconds = Math.max(0, (now.toEpochMilli() - runningSince.toEpochMilli()) / 1000.0);
            cpuSeconds += seconds * vcpus * load.cpuPercent() / 100;
            networkIn += seconds * load.networkInBytesPerSecond();
            networkOut += seconds * load.networkOutBytesPerSecond();
            diskRead += seconds * load.diskReadBytesPerSecond();
            diskWrite += seconds * load.diskWriteBytesPerSecond();
            runningSince = now;
        }
    }

    private final Map<InstanceRef, Meter> meters = new ConcurrentHashMap<>();

    void launched(InstanceRef instance, int vcpus) {
        meters.putIfAbsent(instance, new Meter(Math.max(1, vcpus)));
    }

    void running(InstanceRef instance, Instant now) {
        Meter meter = meters.get(instance);
        if (meter != null) {
            synchronized (meter) {
                meter.settle(now);
                meter.runningSince = now;
            }
        }
    }

    void stopped(InstanceRef instance, Instant now) {
        Meter meter = meters.get(instance);
        if (meter != null) {
            synchronized (meter) {
                meter.settle(now);
                meter.runningSince = null;
            }
        }
    }

    void gone(InstanceRef instance) {
        meters.remove(instance);
    }

    void clear() {
        meters.clear();
    }

    InstanceCounters counters(InstanceRef instance, Instant now) {
        Meter meter = meters.get(instance);
        if (meter == null) {
            return null;
        }
        synchronized (meter) {
            if (meter.runningSince == null) {
                return null;
            }
            meter.settle(now);
            return new InstanceCounters(meter.cpuSeconds, (long) meter.networkIn, (long) meter.networkOut,
                    (long) Math.ceil(meter.networkIn / BYTES_PER_PACKET), (long) Math.ceil(meter.networkOut / BYTES_PER_PACKET),
                    0, 0, 0, 0, (long) meter.diskRead, (long) meter.diskWrite,
                    (long) Math.ceil(meter.diskRead / BYTES_PER_DISK_OPERATION),
                    (long) Math.ceil(meter.diskWrite / BYTES_PER_DISK_OPERATION));
        }
    }

    StatusChecks statusChecks(InstanceRef instance) {
        Meter meter = meters.get(instance);
        if (meter == null) {
            return StatusChecks.HEALTHY;
        }
        synchronized (meter) {
            return new StatusChecks(!meter.systemImpaired, !meter.instanceImpaired);
        }
    }

    boolean setLoad(String instanceId, SyntheticLoad.Load load, Instant now) {
        Meter meter = find(instanceId);
        if (meter == null) {
            return false;
        }
        synchronized (meter) {
            meter.settle(now);
            meter.load = load;
        }
        return true;
    }

    SyntheticLoad.Load load(String instanceId) {
        Meter meter = find(instanceId);
        return meter == null ? null : meter.load;
    }

    boolean impair(String instanceId, boolean system, boolean instance) {
        Meter meter = find(instanceId);
        if (meter == null) {
            return false;
        }
        synchronized (meter) {
            meter.systemImpaired = system;
            meter.instanceImpaired = instance;
        }
        return true;
    }

    private Meter find(String instanceId) {
        for (Map.Entry<InstanceRef, Meter> entry : meters.entrySet()) {
            if (entry.getKey().instanceId().equals(instanceId)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
