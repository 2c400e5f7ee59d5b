package dev.gureum.runtime.simulated;

import dev.gureum.core.instance.InstanceEvent;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.InstanceCounters;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.StatusChecks;
import dev.gureum.core.runtime.SyntheticLoad;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.runtime.Observation;
import dev.gureum.core.runtime.RuntimeObserver;
import dev.gureum.core.time.ClockScheduler;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs nothing: every command is reported as done after a configurable delay on the cloud clock, all
 * instances of one command in one report. With no delay the report is made before the command returns,
 * so the caller's response still shows the transitional state (pending, stopping) while the next
 * Describe already sees the settled one — which is what lets SDK and CLI waiters finish on their first
 * poll. It keeps a console log per instance, and runs a synthetic load per instance ({@link SyntheticMeters}:
 * idle unless set through {@link SyntheticLoad}) whose counters feed the instance's CloudWatch metrics.
 */
public final class SimulatedRuntime implements InstanceRuntime, SyntheticLoad {
    private static final DateTimeFormatter CONSOLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ClockScheduler scheduler;
    private final RuntimeObserver observer;
    private final Duration delay;
    private final Map<InstanceRef, ConsoleLines> consoles = new ConcurrentHashMap<>();
    private final SyntheticMeters meters = new SyntheticMeters();

    public SimulatedRuntime(ClockScheduler scheduler, RuntimeObserver observer, Duration delay) {
        this.scheduler = scheduler;
        this.observer = observer;
        this.delay = delay;
    }

    @Override
    public void launch(List<LaunchSpec> specs) {
        Stamp stamp = stamp();
        for (LaunchSpec spec : specs) {
            meters.launched(spec.instance(), spec.vcpus());
            console(spec.instance(), stamp, "Gureum simulated runtime: launching " + spec.instanceType() + " from "
                    + spec.imageId() + " (no guest runs in the simulated runtime)");
            if (spec.userData() != null && spec.userData().length > 0) {
                console(spec.instance(), stamp, "user data received (" + spec.userData().length
                        + " bytes); the sandbox runtime executes it, the simulated runtime does not");
            }
        }
        report(specs.stream().map(LaunchSpec::instance).toList(), InstanceEvent.OBSERVED_RUNNING, "reached running");
    }

    @Override
    public void start(List<LaunchSpec> specs) {
        List<InstanceRef> instances = specs.stream().map(LaunchSpec::instance).toList();
        specs.forEach(spec -> meters.launched(spec.instance(), spec.vcpus()));
        Stamp stamp = stamp();
        instances.forEach(instance -> console(instance, stamp, "starting"));
        report(instances, InstanceEvent.OBSERVED_RUNNING, "reached running");
    }

    @Override
    public void stop(List<InstanceRef> instances) {
        report(instances, InstanceEvent.OBSERVED_STOPPED, "stopped");
    }

    @Override
    public void reboot(List<InstanceRef> instances) {
        Stamp stamp = stamp();
        instances.forEach(instance -> console(instance, stamp, "rebooting"));
        report(instances, InstanceEvent.OBSERVED_RUNNING, "reached running after reboot");
    }

    @Override
    public void terminate(List<InstanceRef> instances) {
        report(instances, InstanceEvent.OBSERVED_GONE, "terminated");
    }

    @Override
    public void discardAll() {
        consoles.clear();
        meters.clear();
    }

    /** Simulated instances send no packets, so there is nothing to filter. */
    @Override
    public boolean enforcesFirewalls() {
        return false;
    }

    @Override
    public void applyFirewall(dev.gureum.core.runtime.VpcFirewall firewall) {
    }

    @Override
    public String consoleOutput(InstanceRef instance) {
        ConsoleLines console = consoles.get(instance);
        return console == null ? "" : console.text();
    }

    @Override
    public Instant consoleUpdated(InstanceRef instance) {
        ConsoleLines console = consoles.get(instance);
        return console == null ? null : console.updated();
    }

    @Override
    public InstanceCounters counters(InstanceRef instance) {
        return meters.counters(instance, scheduler.clock().now());
    }

    @Override
    public StatusChecks statusChecks(InstanceRef instance) {
        return meters.statusChecks(instance);
    }

    @Override
    public boolean setLoad(String instanceId, Load load) {
        return meters.setLoad(instanceId, load, scheduler.clock().now());
    }

    @Override
    public Load load(String instanceId) {
        return meters.load(instanceId);
    }

    @Override
    public boolean impair(String instanceId, boolean systemImpaired, boolean instanceImpaired) {
        return meters.impair(instanceId, systemImpaired, instanceImpaired);
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public void close() {
        consoles.clear();
    }

    private void report(List<InstanceRef> instances, InstanceEvent observation, String consoleLine) {
        if (instances.isEmpty()) {
            return;
        }
        Runnable done = () -> {
            Stamp stamp = stamp();
            instances.forEach(instance -> console(instance, stamp, consoleLine));
            java.time.Instant now = scheduler.clock().now();
            for (InstanceRef instance : instances) {
                switch (observation) {
                    case OBSERVED_RUNNING -> meters.running(instance, now);
                    case OBSERVED_STOPPED, OBSERVED_FAILED -> meters.stopped(instance, now);
                    case OBSERVED_GONE -> meters.gone(instance);
                    case START, STOP, REBOOT, TERMINATE -> {
                    }
                }
            }
            observer.observed(instances.stream().map(instance -> new Observation(instance, observation)).toList());
            if (observation == InstanceEvent.OBSERVED_GONE) {
                instances.forEach(consoles::remove);
            }
        };
        if (delay.isZero()) {
            done.run();
        } else {
            scheduler.schedule(delay, done);
        }
    }

    /** When a command's console lines were written, and their time stamp: made once for all of its instances. */
    private record Stamp(Instant at, String text) {
    }

    private Stamp stamp() {
        Instant now = scheduler.clock().now();
        return new Stamp(now, "[" + CONSOLE_TIME.format(now) + "] ");
    }

    private void console(InstanceRef instance, Stamp stamp, String line) {
        consoles.computeIfAbsent(instance, unused -> new ConsoleLines()).add(stamp.text() + line + "\n", stamp.at());
    }
}
