package dev.gureum.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/** CPU time, of a process or of this JVM's own Java threads. */
final class CpuTime {
    private CpuTime() {
    }

    /**
     * CPU time of this process's Java threads (the caller's, the store's writer, the runtime's), leaving out
     * the JIT compilers and the garbage collector, which are not Java threads. Waiting for a core or for the
     * disk is not in it, so other work on a shared machine moves it less than wall time, though still
     * some: in a virtual machine, time the host takes a busy core away is counted as the thread's.
     */
    static long javaThreadNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    /** The CPU time (user and system, all threads) a live process has used, as the kernel accounts it. */
    static Duration of(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }
}
