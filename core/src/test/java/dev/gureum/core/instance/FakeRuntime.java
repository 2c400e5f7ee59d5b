package dev.gureum.core.instance;

import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.LaunchSpec;
import java.util.ArrayList;
import java.util.List;

/** A hand-written runtime that records the commands it is given; the test decides what it "observes". */
final class FakeRuntime implements InstanceRuntime {
    final List<String> commands = new ArrayList<>();
    /** What {@link #counters} answers per instance id (null: not measured). */
    final java.util.Map<String, dev.gureum.core.runtime.InstanceCounters> counters = new java.util.HashMap<>();
    /** What {@link #statusChecks} answers per instance id (healthy when absent). */
    final java.util.Map<String, dev.gureum.core.runtime.StatusChecks> checks = new java.util.HashMap<>();

    /** Every spec launched or started, in order. */
    final List<LaunchSpec> specs = new ArrayList<>();
    /** Whether a volume detach (not forced) finds the volume in use; its answer then waits in {@link #busyDetaches}. */
    boolean volumesInUse;
    final List<java.util.concurrent.CompletableFuture<Void>> busyDetaches = new ArrayList<>();
    /** What {@link #hostCapacity} answers (empty: holds anything, as the simulation does). */
    java.util.Optional<dev.gureum.core.runtime.HostCapacity> capacity = java.util.Optional.empty();

    @Override
    public java.util.Optional<dev.gureum.core.runtime.HostCapacity> hostCapacity() {
        return capacity;
    }

    @Override
    public void attachVolume(InstanceRef instance, dev.gureum.core.runtime.AttachedDisk volume) {
        commands.add("attach " + volume.disk().name() + " to " + instance.instanceId() + " at " + volume.device());
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> detachVolume(InstanceRef instance,
            dev.gureum.core.runtime.AttachedDisk volume, boolean force, Runnable whileBusy) {
        commands.add("detach " + volume.disk().name() + " from " + instance.instanceId() + (force ? " forced" : ""));
        if (volumesInUse && !force) {
            whileBusy.run();
            java.util.concurrent.CompletableFuture<Void> answer = new java.util.concurrent.CompletableFuture<>();
            busyDetaches.add(answer);
            return answer;
        }
        busyDetaches.forEach(answer -> answer.complete(null));
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    public void launch(List<LaunchSpec> specs) {
        this.specs.addAll(specs);
        specs.forEach(spec -> commands.add("launch " + spec.instance().instanceId()));
    }

    @Override
    public void start(List<LaunchSpec> specs) {
        this.specs.addAll(specs);
        specs.forEach(spec -> commands.add("start " + spec.instance().instanceId()));
    }

    @Override
    public void stop(List<InstanceRef> instances) {
        instances.forEach(instance -> commands.add("stop " + instance.instanceId()));
    }

    @Override
    public void reboot(List<InstanceRef> instances) {
        instances.forEach(instance -> commands.add("reboot " + instance.instanceId()));
    }

    @Override
    public void terminate(List<InstanceRef> instances) {
        instances.forEach(instance -> commands.add("terminate " + instance.instanceId()));
    }

    @Override
    public void discardAll() {
        commands.add("discard all");
    }

    @Override
    public boolean enforcesFirewalls() {
        return false;
    }

    @Override
    public void applyFirewall(dev.gureum.core.runtime.VpcFirewall firewall) {
    }

    @Override
    public String consoleOutput(InstanceRef instance) {
        return "";
    }

    @Override
    public dev.gureum.core.runtime.InstanceCounters counters(dev.gureum.core.runtime.InstanceRef instance) {
        return counters.get(instance.instanceId());
    }

    @Override
    public dev.gureum.core.runtime.StatusChecks statusChecks(dev.gureum.core.runtime.InstanceRef instance) {
        return checks.getOrDefault(instance.instanceId(), dev.gureum.core.runtime.StatusChecks.HEALTHY);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void close() {
    }
}
