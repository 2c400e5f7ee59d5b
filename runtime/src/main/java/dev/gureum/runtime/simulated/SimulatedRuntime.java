package dev.gureum.runtime.simulated;

import dev.gureum.core.instance.InstanceEvent;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.runtime.RuntimeObserver;
import dev.gureum.core.time.ClockScheduler;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs nothing: every command is reported as done after a configurable delay on the cloud clock. With
 * no delay the report is made before the command returns, so the caller's response still shows the
 * transitional state (pending, stopping) while the next Describe already sees the settled one — which
 * is what lets SDK and CLI waiters finish on their first poll. It keeps a console log per instance.
 */
public final class SimulatedRuntime implements InstanceRuntime {
    private static final DateTimeFormatter CONSOLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ClockScheduler scheduler;
    private final RuntimeObserver observer;
    private final Duration delay;
    private final Map<InstanceRef, StringBuilder> consoles = new ConcurrentHashMap<>();

    public SimulatedRuntime(ClockScheduler scheduler, RuntimeObserver observer, Duration delay) {
        this.scheduler = scheduler;
        this.observer = observer;
        this.delay = delay;
    }

    @Override
    public void launch(LaunchSpec spec) {
        console(spec.instance(), "Gureum simulated runtime: launching " + spec.instanceType() + " from "
                + spec.imageId() + " (no guest runs in the simulated runtime)");
        if (spec.userData() != null && spec.userData().length > 0) {
            console(spec.instance(), "user data received (" + spec.userData().length
                    + " bytes); the sandbox runtime executes it, the simulated runtime does not");
        }
        report(spec.instance(), InstanceEvent.OBSERVED_RUNNING, "reached running");
    }

    @Override
    public void start(LaunchSpec spec) {
        console(spec.instance(), "starting");
        report(spec.instance(), InstanceEvent.OBSERVED_RUNNING, "reached running");
    }

    @Override
    public void stop(InstanceRef instance) {
        report(instance, InstanceEvent.OBSERVED_STOPPED, "stopped");
    }

    @Override
    public void reboot(InstanceRef instance) {
        console(instance, "rebooting");
        report(instance, InstanceEvent.OBSERVED_RUNNING, "reached running after reboot");
    }

    @Override
    public void terminate(InstanceRef instance) {
        report(instance, InstanceEvent.OBSERVED_GONE, "terminated");
    }

    @Override
    public String consoleOutput(InstanceRef instance) {
        StringBuilder console = consoles.get(instance);
        return console == null ? "" : console.toString();
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public void close() {
        consoles.clear();
    }

    private void report(InstanceRef instance, InstanceEvent observation, String consoleLine) {
        Runnable done = () -> {
            console(instance, consoleLine);
            observer.observed(instance, observation);
            if (observation == InstanceEvent.OBSERVED_GONE) {
                consoles.remove(instance);
            }
        };
        if (delay.isZero()) {
            done.run();
        } else {
            scheduler.schedule(delay, done);
        }
    }

    private void console(InstanceRef instance, String line) {
        consoles.computeIfAbsent(instance, unused -> new StringBuilder())
                .append('[').append(CONSOLE_TIME.format(scheduler.clock().now())).append("] ").append(line).append('\n');
    }
}
