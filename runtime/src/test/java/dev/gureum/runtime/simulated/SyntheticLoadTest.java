package dev.gureum.runtime.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.runtime.InstanceCounters;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.runtime.StatusChecks;
import dev.gureum.core.runtime.SyntheticLoad;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated runtime's synthetic load: counters grow with the cloud clock only while an instance runs. */
class SyntheticLoadTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final ClockScheduler scheduler = new ClockScheduler(clock);
    private final SimulatedRuntime runtime = new SimulatedRuntime(scheduler, observations -> { }, Duration.ZERO);
    private final InstanceRef instance = new InstanceRef("000000000000", "us-east-1", "i-0123456789abcdef0");

    @AfterEach
    void close() {
        scheduler.close();
    }

    private void launch() {
        runtime.launch(List.of(new LaunchSpec(instance, "t3.micro", 2, 1024, "ami-0123456789abcdef0", null, null, null,
                null)));
    }

    @Test
    void cpuNetworkAndDiskFollowTheLoadOverCloudTime() {
        launch();
        assertEquals(SyntheticLoad.Load.IDLE, runtime.load(instance.instanceId()));
        clock.advance(Duration.ofSeconds(100));
        InstanceCounters idle = runtime.counters(instance);
        assertEquals(100 * 2 * 0.005, idle.cpuSeconds(), 1e-9);
        assertEquals(20_000, idle.networkBytesIn());
        assertTrue(runtime.setLoad(instance.instanceId(), new SyntheticLoad.Load(50, 1000, 0, 0, 16384)));
        clock.advance(Duration.ofSeconds(10));
        InstanceCounters busy = runtime.counters(instance);
        assertEquals(1 + 10 * 2 * 0.5, busy.cpuSeconds(), 1e-9);
        assertEquals(30_000, busy.networkBytesIn());
        assertEquals(30, busy.networkPacketsIn());
        assertEquals(163_840, busy.ebsWriteBytes());
        assertEquals(10, busy.ebsWriteOps());
    }

    @Test
    void stoppedInstancesHaveNoCountersAndResumeWhereTheyWere() {
        launch();
        clock.advance(Duration.ofSeconds(100));
        runtime.stop(List.of(instance));
        assertNull(runtime.counters(instance));
        clock.advance(Duration.ofHours(1));
        runtime.start(List.of(new LaunchSpec(instance, "t3.micro", 2, 1024, "ami-0123456789abcdef0", null, null, null,
                null)));
        assertEquals(1.0, runtime.counters(instance).cpuSeconds(), 1e-9, "the hour stopped did not count");
        runtime.terminate(List.of(instance));
        assertNull(runtime.counters(instance));
        assertFalse(runtime.setLoad(instance.instanceId(), SyntheticLoad.Load.IDLE));
    }

    @Test
    void impairmentsAreWhatStatusChecksSee() {
        launch();
        assertEquals(StatusChecks.HEALTHY, runtime.statusChecks(instance));
        assertTrue(runtime.impair(instance.instanceId(), true, false));
        assertEquals(new StatusChecks(false, true), runtime.statusChecks(instance));
    }
}
