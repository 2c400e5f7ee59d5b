package dev.gureum.bench;

import java.time.Duration;

/** The CPU time (user and system, all threads) a live process has used, as the kernel accounts it. */
final class CpuTime {
    private CpuTime() {
    }

    static Duration of(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }
}
