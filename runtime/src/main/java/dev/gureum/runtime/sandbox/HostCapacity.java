package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the host can hold, and how far it may be sold over. Instances rarely use all they are given, so
 * the sandbox admits instances while the vCPUs of those running stay within {@link #CPU_OVERCOMMIT} times
 * the host's CPUs and their memory within {@link #MEMORY_OVERCOMMIT} times the host's memory. Core refuses a
 * RunInstances or StartInstances past that synchronously ({@link #admitted}); a launch that still gets past
 * (concurrent calls) fails with InsufficientInstanceCapacity on its console. Each instance's own limits are capped
 * at the whole host ({@link InstanceLimits}).
 */
record HostCapacity(int cpus, long memoryBytes) {
    static final int CPU_OVERCOMMIT = 4;
    static final double MEMORY_OVERCOMMIT = 1.5;

    static HostCapacity measure() {
        return new HostCapacity(Runtime.getRuntime().availableProcessors(), totalMemory());
    }

    long admissibleVcpus() {
        return (long) cpus * CPU_OVERCOMMIT;
    }

    long admissibleMemoryBytes() {
        return (long) (memoryBytes * MEMORY_OVERCOMMIT);
    }

    /** What core admits to this host, in its terms. */
    dev.gureum.core.runtime.HostCapacity admitted() {
        return new dev.gureum.core.runtime.HostCapacity(admissibleVcpus(), admissibleMemoryBytes() / (1024 * 1024));
    }

    private static long totalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the JVM's view
        }
        return Runtime.getRuntime().maxMemory();
    }
}
