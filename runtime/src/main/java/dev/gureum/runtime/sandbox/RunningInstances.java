package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.LaunchSpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances running on this host, with the specs they booted from: what {@link HostCapacity} admits
 * against, and whom a metadata request comes from.
 */
final class RunningInstances {
    private final Map<InstanceRef, LaunchSpec> running = new ConcurrentHashMap<>();

    /**
     * Counts the instance as running if the host can hold it with everything else running, else throws
     * (core refuses such launches before they are recorded; this is the last guard).
     */
    void admit(LaunchSpec spec, HostCapacity capacity) {
        synchronized (running) {
            long vcpus = spec.vcpus() + running.values().stream().mapToLong(LaunchSpec::vcpus).sum();
            long memory = (spec.memoryMebibytes() + running.values().stream()
                    .mapToLong(LaunchSpec::memoryMebibytes).sum()) * 1024 * 1024;
            if (vcpus > capacity.admissibleVcpus() || memory > capacity.admissibleMemoryBytes()) {
                throw new SandboxException("InsufficientInstanceCapacity: this host holds " + capacity.cpus()
                        + " CPUs and " + capacity.memoryBytes() / (1024 * 1024) + " MiB (sold at most "
                        + HostCapacity.CPU_OVERCOMMIT + "x and " + HostCapacity.MEMORY_OVERCOMMIT + "x over)");
            }
            running.put(spec.instance(), spec);
        }
    }

    /** A container found still running after a restart, taken over as it is. */
    void adopted(LaunchSpec spec) {
        running.put(spec.instance(), spec);
    }

    /** The instances counted as running now. */
    java.util.List<InstanceRef> instances() {
        return java.util.List.copyOf(running.keySet());
    }

    boolean contains(InstanceRef instance) {
        return running.containsKey(instance);
    }

    void remove(InstanceRef instance) {
        running.remove(instance);
    }

    void clear() {
        running.clear();
    }

    /** The running instance with this private address in the VPC (a metadata request's sender). */
    Optional<InstanceRef> withAddress(String vpcId, String address) {
        for (LaunchSpec spec : running.values()) {
            if (spec.network() != null && spec.network().vpcId().equals(vpcId)
                    && spec.network().privateIpAddress().equals(address)) {
                return Optional.of(spec.instance());
            }
        }
        return Optional.empty();
    }
}
