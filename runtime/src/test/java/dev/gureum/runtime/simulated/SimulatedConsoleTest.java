package dev.gureum.runtime.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated console: one line per command, stamped with the cloud clock's time when it happened, the most recent kept. */
class SimulatedConsoleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final ClockScheduler scheduler = new ClockScheduler(clock);
    private final InstanceRef first = new InstanceRef("000000000000", "us-east-1", "i-0000000000000000a");
    private final InstanceRef second = new InstanceRef("000000000000", "us-east-1", "i-0000000000000000b");

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void eachInstanceGetsItsLinesStampedWithTheTimeOfEachCommand() {
        SimulatedRuntime runtime = new SimulatedRuntime(scheduler, observations -> { }, Duration.ZERO);
        runtime.launch(List.of(spec(first, null), spec(second, new byte[] {1, 2, 3})));
        clock.advance(Duration.ofSeconds(5));
        runtime.reboot(List.of(first));

        assertEquals("[2026-11-29 10:00:00] Gureum simulated runtime: launching t3.micro from ami-0123456789abcdef0"
                + " (no guest runs in the simulated runtime)\n[2026-11-29 10:00:00] reached running\n"
                + "[2026-11-29 10:00:05] rebooting\n[2026-11-29 10:00:05] reached running after reboot\n",
                runtime.consoleOutput(first));
        assertEquals("[2026-11-29 10:00:00] Gureum simulated runtime: launching t3.micro from ami-0123456789abcdef0"
                + " (no guest runs in the simulated runtime)\n[2026-11-29 10:00:00] user data received (3 bytes);"
                + " the sandbox runtime executes it, the simulated runtime does not\n"
                + "[2026-11-29 10:00:00] reached running\n", runtime.consoleOutput(second));
    }

    @Test
    void aConsoleKeepsItsMostRecentLinesWithinItsSize() {
        SimulatedRuntime runtime = new SimulatedRuntime(scheduler, observations -> { }, Duration.ZERO);
        runtime.launch(List.of(spec(first, null)));
        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofSeconds(1));
            runtime.stop(List.of(first));
            runtime.start(List.of(spec(first, null)));
        }

        String console = runtime.consoleOutput(first);
        assertTrue(console.length() <= ConsoleLines.MOST_CHARS && console.length() > ConsoleLines.MOST_CHARS - 100,
                console.length() + " characters");
        assertTrue(console.startsWith("["), "whole lines are forgotten, never a part of one");
        assertTrue(console.endsWith("[2026-11-29 10:16:40] starting\n[2026-11-29 10:16:40] reached running\n"), console);
    }

    private static LaunchSpec spec(InstanceRef instance, byte[] userData) {
        return new LaunchSpec(instance, "t3.micro", 2, 1024, "ami-0123456789abcdef0", null, null, userData, null);
    }
}
