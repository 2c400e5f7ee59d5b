package dev.gureum.runtime.sandbox;

/**
 * The cgroup limits of one instance, from its instance type capped to the host: a vCPU is one host CPU's
 * worth of time per scheduling period (a CFS quota, so an idle instance costs nothing), and memory is a
 * hard limit (the kernel's OOM killer acts inside the instance only). An instance never gets more than
 * the whole host. Processes are limited so a fork bomb stays inside.
 */
record InstanceLimits(long cpuQuotaMicros, long memoryBytes, long processes) {
    static final long CPU_PERIOD_MICROS = 100_000;
    static final long PROCESSES = 4096;

    static InstanceLimits of(int vcpus, long memoryMebibytes, HostCapacity host) {
        long cpus = Math.min(Math.max(1, vcpus), host.cpus());
        long memory = Math.min(memoryMebibytes * 1024 * 1024, host.memoryBytes());
        return new InstanceLimits(cpus * CPU_PERIOD_MICROS, memory, PROCESSES);
    }
}
