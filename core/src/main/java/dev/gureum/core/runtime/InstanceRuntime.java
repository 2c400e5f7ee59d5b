package dev.gureum.core.runtime;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What really runs instances. Commands are asynchronous and take every instance of one API call at
 * once: the runtime carries them out and reports what it observed (running, stopped, gone, failed) to
 * its {@link RuntimeObserver}; core decides the EC2 state from that through the lifecycle table. Narrow
 * and batched on purpose, so it can sit behind an RPC on another host later.
 */
public interface InstanceRuntime extends AutoCloseable {

    void launch(List<LaunchSpec> specs);

    void start(List<LaunchSpec> specs);

    void stop(List<InstanceRef> instances);

    void reboot(List<InstanceRef> instances);

    void terminate(List<InstanceRef> instances);

    /**
     * Ends every instance at once and forgets them, reporting nothing: the cloud's records were wiped
     * (the admin reset), so nothing is left to report to.
     */
    void discardAll();

    /**
     * Whether this runtime enforces security groups; core computes and sends firewalls only to one that does.
     */
    boolean enforcesFirewalls();

    /**
     * Replaces the VPC's firewall with this one (see {@link VpcFirewall}). Called after every commit that
     * changes the VPC's groups, rules or interfaces, in commit order per VPC; the rules are in force when it
     * returns (or as soon as the VPC's first instance runs on this runtime).
     */
    void applyFirewall(VpcFirewall firewall);

    /**
     * What this runtime's host holds at once (see {@link HostCapacity}); empty when it holds anything, as a
     * simulation does. Launches and starts past it are refused with InsufficientInstanceCapacity.
     */
    default Optional<HostCapacity> hostCapacity() {
        return Optional.empty();
    }

    /**
     * Gives the runtime core's metadata service, once, before any instance starts; a runtime whose instances can
     * reach 169.254.169.254 answers them through it. The simulated runtime runs nothing, so it ignores it.
     */
    default void serveMetadata(InstanceMetadataSource metadata) {
    }

    /**
     * Plugs an EBS volume into the instance while it runs (AttachVolume); a runtime where it does not run
     * does nothing, as the volume is in the instance's next launch spec.
     */
    default void attachVolume(InstanceRef instance, AttachedDisk volume) {
    }

    /**
     * Unplugs an EBS volume from the instance (DetachVolume). The answer completes once the instance has let
     * go of it; while the instance still uses it (a process works in it) {@code whileBusy} runs once and the
     * runtime keeps trying until the volume is free, a forced detach comes, or the instance stops. A forced
     * detach takes it away at once, in use or not.
     */
    default CompletableFuture<Void> detachVolume(InstanceRef instance, AttachedDisk volume, boolean force,
                                                 Runnable whileBusy) {
        return CompletableFuture.completedFuture(null);
    }

    /** Whether this runtime keeps real root filesystems that CreateImage can capture. */
    default boolean capturesRootFilesystems() {
        return false;
    }

    /**
     * CreateImage's copy of the instance's root filesystem as the root filesystem named {@code name}, in the
     * background: a running instance is stopped for the copy and started again unless {@code noReboot}.
     */
    default void captureRootFilesystem(InstanceRef instance, String name, boolean noReboot) {
        throw new UnsupportedOperationException(name() + " keeps no root filesystems");
    }

    /**
     * {@code gureum image import}: the tree at {@code source} on this host (a directory or a tarball) made the
     * root filesystem named {@code name}, whose default user is {@code defaultUser}; fails, making nothing,
     * when it is not a root filesystem an instance can boot.
     */
    default void importRootFilesystem(String name, String source, String defaultUser) {
        throw new UnsupportedOperationException(name() + " keeps no root filesystems");
    }

    /** What the instance printed on its console (boot messages, user-data output), possibly empty. */
    String consoleOutput(InstanceRef instance);

    /** When the instance's console output last changed, or null when this runtime does not know. */
    default java.time.Instant consoleUpdated(InstanceRef instance) {
        return null;
    }

    /**
     * The instance's cumulative counters (see {@link InstanceCounters}), or null when this runtime does not
     * measure them or the instance is not running on it.
     */
    InstanceCounters counters(InstanceRef instance);

    /** The instance's status checks as the runtime sees them; a running instance is healthy unless impaired. */
    StatusChecks statusChecks(InstanceRef instance);

    /** The runtime's name for the health endpoint: simulated, sandbox. */
    String name();

    @Override
    void close();
}
