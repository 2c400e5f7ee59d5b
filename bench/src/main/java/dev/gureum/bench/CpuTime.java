package dev.gureum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** CPU time, of a process or of this JVM's own Java threads. */
final class CpuTime {
    /** {@code getconf CLK_TCK} on Linux, which the kernel's user-space interface fixes at 100. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

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

    /**
     * The CPU time (user and system) of a live process together with that of its children it has waited for (the
     * commands it ran), from {@code /proc/<pid>/stat}, in the kernel's clock ticks of 10 ms.
     */
    static Duration withReapedChildren(ProcessHandle process) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int field = 11; field <= 14; field++) {
            ticks += Long.parseLong(fields[field]);
        }
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }
}
