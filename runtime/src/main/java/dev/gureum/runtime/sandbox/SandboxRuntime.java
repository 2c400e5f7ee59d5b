package dev.gureum.runtime.sandbox;

import dev.gureum.core.instance.InstanceEvent;
import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.runtime.AttachedDisk;
import dev.gureum.core.runtime.InstanceMetadataSource;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.runtime.Observation;
import dev.gureum.core.runtime.RuntimeObserver;
import dev.gureum.core.runtime.VpcFirewall;
import dev.gureum.runtime.storage.SparseFileBlockStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Real instances on this Linux host: each one an OCI container run by crun in its own namespaces, with
 * cgroup limits from its type, a copy-on-write root disk over its image and a network namespace on its
 * VPC's bridge (see docs/design.md, "The sandbox runtime"). Commands return at once; each instance's work
 * runs in order on its own queue and what happened is reported to core, which decides the EC2 state.
 * Stop is SIGUSR2 (busybox's poweroff), {@link #STOP_GRACE} to end, then SIGKILL; reboot restarts the container
 * in place; a reboot, halt or poweroff from inside the instance is found by {@link #watchGuests} and followed as
 * EC2 follows it;
 * terminate also deletes the disk. Closing the runtime stops every instance and removes everything it made
 * on the host except the disks; a restarted server starts the running ones again (core's reconcile).
 */
public final class SandboxRuntime implements InstanceRuntime {
    private static final Logger LOG = Logger.getLogger(SandboxRuntime.class.getName());
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** How often running instances are looked at for a reboot or shutdown from inside. */
    static final Duration GUEST_WATCH = Duration.ofSeconds(2);
    /** Where images that take minutes to build (debian-12) are kept for every data directory, when set. */
    static final String IMAGE_CACHE = "GUREUM_IMAGE_CACHE";

    private final Path directory;
    private final RuntimeObserver observer;
    private final SandboxHost host;
    private final VpcNamespaces vpcs;
    private final HostRoutes routes;
    private final VpcFirewalls firewalls;
    private final InternetNamespace internet;
    private final LoopbackForwards forwards;
    private final VpcMetadata metadata;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final InstanceQueues queues;
    private final RunningInstances running = new RunningInstances();
    private final HostFootprint footprint;
    private final RunningVolumes volumes;

    private SandboxRuntime(Path dataDirectory, RuntimeObserver observer, HostTools tools, Ipv4Cidr publicPool,
                           List<Integer> forwardPorts) {
        HostLock hostLock = HostLock.acquire(dataDirectory);
        this.directory = dataDirectory.toAbsolutePath().normalize().resolve("sandbox");
        this.queues = new InstanceQueues(directory, workers);
        Path crunRoot = Path.of("/run/gureum", Integer.toHexString(directory.toString().hashCode()), "crun");
        this.observer = observer;
        this.routes = new HostRoutes(tools);
        this.internet = new InternetNamespace(tools, routes, publicPool);
        this.forwards = new LoopbackForwards(forwardPorts);
        this.firewalls = new VpcFirewalls(tools, internet);
        this.metadata = new VpcMetadata(tools, running::withAddress);
        this.vpcs = new VpcNamespaces(tools, routes, firewalls, internet, metadata);
        this.footprint = new HostFootprint(vpcs, internet, routes, crunRoot, hostLock);
        this.host = new SandboxHost(tools, new Crun(tools, crunRoot), new ImageLibrary(directory.resolve("images"), tools,
                System.getenv(IMAGE_CACHE) == null ? null : Path.of(System.getenv(IMAGE_CACHE))),
                new InstanceNetworks(tools, vpcs), HostCapacity.measure(), new InstanceDiskMounts(tools,
                        new SparseFileBlockStore(dataDirectory.toAbsolutePath().normalize())));
        this.volumes = new RunningVolumes(queues, running, host, workers);
    }

    /**
     * The runtime for a host that passed {@link SandboxProbe}; its state lives under
     * {@code <data>/sandbox}.
     */
    public static SandboxRuntime open(Path dataDirectory, RuntimeObserver observer) {
        return open(dataDirectory, observer, null, List.of());
    }

    /**
     * As {@link #open(Path, RuntimeObserver)}, with the block public and Elastic IPs come from (the host
     * routes it to the simulated internet and blackholes it; null: public addresses are not reachable) and
     * the instance ports to forward from loopback while instances run ({@link LoopbackForwards}).
     */
    public static SandboxRuntime open(Path dataDirectory, RuntimeObserver observer, Ipv4Cidr publicPool,
                                      List<Integer> forwardPorts) {
        SandboxRuntime runtime = new SandboxRuntime(dataDirectory, observer, HostTools.locate(), publicPool, forwardPorts);
        runtime.workers.submit(runtime.host::prepareImages);
        runtime.workers.submit(runtime::watchGuests);
        return runtime;
    }

    @Override
    public void launch(List<LaunchSpec> specs) {
        try {
            internet.blackholePool();
        } catch (SandboxException e) {
            LOG.log(Level.WARNING, "cannot blackhole the public address pool: " + e.getMessage(), e);
        }
        for (LaunchSpec spec : specs) {
            Ipv4Cidr subnet = spec.network() == null ? null : Ipv4Cidr.parseOrNull(spec.network().subnetCidrBlock());
            if (subnet != null) {
                try {
                    routes.blackhole(subnet);
                } catch (SandboxException e) {
                    LOG.log(Level.WARNING, "cannot blackhole " + subnet + ": " + e.getMessage(), e);
                }
            }
        }
        specs.forEach(spec -> queue(spec.instance()).submit(() -> boot(spec)));
    }

    @Override
    public void start(List<LaunchSpec> specs) {
        launch(specs);
    }

    @Override
    public void stop(List<InstanceRef> instances) {
        for (InstanceRef instance : instances) {
            queue(instance).submit(() -> {
                InstanceFiles files = files(instance);
                try {
                    halt(instance, files, LaunchSpecFile.read(files), STOP_GRACE);
                    ConsoleFile.note(files.console(), "stopped");
                    report(instance, InstanceEvent.OBSERVED_STOPPED);
                } catch (RuntimeException e) {
                    failed(instance, files, "stop", e);
                }
            });
        }
    }

    @Override
    public void reboot(List<InstanceRef> instances) {
        for (InstanceRef instance : instances) {
            queue(instance).submit(() -> {
                InstanceFiles files = files(instance);
                Optional<LaunchSpec> spec = LaunchSpecFile.read(files);
                try {
                    ConsoleFile.note(files.console(), "rebooting");
                    halt(instance, files, spec, STOP_GRACE);
                    spec.ifPresent(known -> admitAndBoot(known, files, host.container(known)));
                    spec.ifPresent(known -> openForwards(known, files));
                    report(instance, InstanceEvent.OBSERVED_RUNNING);
                } catch (RuntimeException e) {
                    failed(instance, files, "reboot", e);
                    report(instance, InstanceEvent.OBSERVED_STOPPED);
                }
            });
        }
    }

    @Override
    public void terminate(List<InstanceRef> instances) {
        for (InstanceRef instance : instances) {
            queue(instance).submit(() -> {
                InstanceFiles files = files(instance);
                try {
                    halt(instance, files, LaunchSpecFile.read(files), STOP_GRACE);
                    files.delete();
                    queues.forget(instance);
                    report(instance, InstanceEvent.OBSERVED_GONE);
                } catch (RuntimeException e) {
                    failed(instance, files, "terminate", e);
                }
            });
        }
    }

    /** The admin reset: every instance is killed at once and its disk deleted; nothing is reported. */
    @Override
    public void discardAll() {
        forwards.closeAll();
        queues.awaitAll((instance, files) -> {
            LaunchSpecFile.read(files).ifPresent(spec -> host.halt(spec, files, Duration.ZERO));
            files.delete();
        });
        queues.clear();
        running.clear();
        firewalls.forgetAll();
        try {
            ImageLibrary.deleteTree(directory.resolve("consoles"));
        } catch (IOException e) {
            LOG.warning("cannot delete the consoles: " + e.getMessage());
        }
        footprint.release();
    }

    /** What core admits to this host before a launch or start is recorded; {@link #admitAndBoot} checks again. */
    @Override
    public Optional<dev.gureum.core.runtime.HostCapacity> hostCapacity() {
        return Optional.of(host.capacity().admitted());
    }

    @Override
    public boolean enforcesFirewalls() {
        return true;
    }

    /** Loads the firewall into the VPC's namespace now if it exists (the rules are in force on return). */
    @Override
    public void applyFirewall(VpcFirewall firewall) {
        synchronized (vpcs.lock(firewall.vpcId())) {
            firewalls.remember(firewall);
            try {
                firewalls.loadIfPresent(firewall.vpcId());
            } catch (SandboxException e) {
                LOG.log(Level.WARNING, e.getMessage(), e);
            }
        }
    }

    @Override
    public void attachVolume(InstanceRef instance, AttachedDisk volume) {
        volumes.attach(instance, volume);
    }

    @Override
    public CompletableFuture<Void> detachVolume(InstanceRef instance, AttachedDisk volume, boolean force,
                                                Runnable whileBusy) {
        return volumes.detach(instance, volume, force, whileBusy);
    }

    @Override
    public boolean capturesRootFilesystems() {
        return true;
    }

    /**
     * CreateImage: launches of the new image wait from now on until the copy is done; a running instance is
     * stopped for it and started again unless {@code noReboot}.
     */
    @Override
    public void captureRootFilesystem(InstanceRef instance, String name, boolean noReboot) {
        host.images().expect(name);
        queue(instance).submit(() -> {
            InstanceFiles files = files(instance);
            try {
                LaunchSpec spec = LaunchSpecFile.read(files).orElseThrow(() -> new SandboxException(
                        instance.instanceId() + " has no disk on this host to capture"));
                boolean reboot = running.contains(instance) && !noReboot;
                if (reboot) {
                    ConsoleFile.note(files.console(), "stopping for CreateImage " + name);
                    host.halt(spec, files, STOP_GRACE);
                    running.remove(instance);
                }
                try {
                    host.captureRoot(spec, files, name);
                    ConsoleFile.note(files.console(), "root filesystem captured as " + name);
                } finally {
                    if (reboot) {
                        try {
                            admitAndBoot(spec, files, host.container(spec));
                        } catch (RuntimeException e) {
                            failed(instance, files, "start after CreateImage", e);
                            report(instance, InstanceEvent.OBSERVED_STOPPED);
                        }
                    }
                }
            } catch (RuntimeException e) {
                host.images().abandon(name, e);
                failed(instance, files, "CreateImage " + name, e);
            }
        });
    }

    /** {@code gureum image import}, on the caller's thread: the image exists when this returns. */
    @Override
    public void importRootFilesystem(String name, String source, String defaultUser) {
        new RootFilesystemImport(host.images()).importTree(name, Path.of(source), defaultUser);
    }

    @Override
    public void serveMetadata(InstanceMetadataSource source) {
        metadata.serve(source);
    }

    @Override
    public String consoleOutput(InstanceRef instance) {
        return ConsoleFile.tail(files(instance).console(), ConsoleFile.EC2_CONSOLE_BYTES);
    }

    /** The console file's last modification: the instance's, the host's or Gureum's last line. */
    @Override
    public java.time.Instant consoleUpdated(InstanceRef instance) {
        try {
            return Files.getLastModifiedTime(files(instance).console()).toInstant();
        } catch (IOException noConsoleYet) {
            return null;
        }
    }

    @Override
    public dev.gureum.core.runtime.InstanceCounters counters(InstanceRef instance) {
        return SandboxCounters.read(instance.instanceId());
    }

    @Override
    public dev.gureum.core.runtime.StatusChecks statusChecks(InstanceRef instance) {
        return SandboxCounters.statusChecks(instance.instanceId());
    }

    @Override
    public String name() {
        return "sandbox";
    }

    /**
     * Until the runtime closes: every {@link #GUEST_WATCH}, each running instance is looked at on its queue, after
     * whatever the queue was doing ({@link #followGuest}): its {@code /proc/meminfo} is brought up to date, or, when
     * its container has ended on its own, that is followed.
     */
    private void watchGuests() {
        while (!workers.isShutdown()) {
            try {
                Thread.sleep(GUEST_WATCH);
            } catch (InterruptedException closing) {
                return;
            }
            for (InstanceRef instance : running.instances()) {
                if (!workers.isShutdown()) {
                    queue(instance).submit(() -> followGuest(instance));
                }
            }
        }
    }

    /**
     * An instance still counted as running whose container has ended: its init's last line says why. A reboot from
     * inside boots it again (it stays running, as on EC2); a halt or poweroff from inside is a shutdown the instance
     * initiated, reported as stopped (core stops or terminates it, as its InstanceInitiatedShutdownBehavior says).
     * A container that ended without saying why is left to the status checks (impaired).
     */
    private void followGuest(InstanceRef instance) {
        InstanceFiles files = files(instance);
        Optional<LaunchSpec> spec = LaunchSpecFile.read(files);
        if (!running.contains(instance) || spec.isEmpty()) {
            return;
        }
        if (host.container(spec.get()).filter(Crun.State::running).isPresent()) {
            GuestMemInfo.refresh(files.memInfo(), SandboxHost.containerId(spec.get()));
            return;
        }
        Optional<GuestHalt> why = GuestHalt.of(files.console());
        if (why.isEmpty()) {
            return;
        }
        try {
            halt(instance, files, spec, Duration.ZERO);
            if (why.get() == GuestHalt.REBOOT) {
                ConsoleFile.note(files.console(), "rebooting, as the instance asked");
                admitAndBoot(spec.get(), files, host.container(spec.get()));
                openForwards(spec.get(), files);
            } else {
                ConsoleFile.note(files.console(), "the instance shut itself down");
                report(instance, InstanceEvent.OBSERVED_STOPPED);
            }
        } catch (RuntimeException e) {
            failed(instance, files, "reboot from inside", e);
            report(instance, InstanceEvent.OBSERVED_STOPPED);
        }
    }

    /** Server shutdown: every instance is stopped (its disk kept) and the host is left as it was found. */
    @Override
    public void close() {
        forwards.closeAll();
        queues.awaitAll((instance, files) ->
                LaunchSpecFile.read(files).ifPresent(spec -> host.halt(spec, files, CLOSE_GRACE)));
        workers.shutdown();
        try {
            // a worker still running (an image being prepared, a report) may call crun, which would make its state
            // directory again after the host is released
            if (!workers.awaitTermination(CLOSE_GRACE.toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOG.warning("sandbox workers still running at shutdown; releasing the host anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        footprint.releaseAndUnlock();
    }

    private void boot(LaunchSpec spec) {
        InstanceFiles files = files(spec.instance());
        try {
            Optional<Crun.State> container = host.container(spec);
            if (container.filter(Crun.State::running).isPresent()) {
                host.adopt(spec, files);
                running.adopted(spec);
            } else {
                admitAndBoot(spec, files, container);
            }
            openForwards(spec, files);
            report(spec.instance(), InstanceEvent.OBSERVED_RUNNING);
        } catch (RuntimeException e) {
            failed(spec.instance(), files, "start", e);
            report(spec.instance(), InstanceEvent.OBSERVED_FAILED);
        }
    }

    /** Boots the instance if the host can hold it with everything else running (see {@link HostCapacity}). */
    private void admitAndBoot(LaunchSpec spec, InstanceFiles files, Optional<Crun.State> leftover) {
        running.admit(spec, host.capacity());
        try {
            host.boot(spec, files, leftover);
        } catch (RuntimeException e) {
            running.remove(spec.instance());
            throw e;
        }
    }

    /** Stops the instance's container (after closing its forwards) if it has booted here; it no longer runs. */
    private void halt(InstanceRef instance, InstanceFiles files, Optional<LaunchSpec> spec, Duration grace) {
        forwards.close(instance);
        spec.ifPresent(known -> host.halt(known, files, grace));
        running.remove(instance);
    }

    private void openForwards(LaunchSpec spec, InstanceFiles files) {
        forwards.open(spec.instance(), spec.network() == null ? null : spec.network().privateIpAddress(), files.console());
    }

    /** A step of an instance's lifecycle that failed: in the log, and on the instance's console. */
    static void failed(InstanceRef instance, InstanceFiles files, String action, RuntimeException e) {
        LOG.log(Level.WARNING, action + " of " + instance.instanceId() + " failed: " + e.getMessage(), e);
        ConsoleFile.note(files.console(), action + " failed: " + e.getMessage());
    }

    private void report(InstanceRef instance, InstanceEvent event) {
        observer.observed(List.of(new Observation(instance, event)));
    }

    private SerialQueue queue(InstanceRef instance) {
        return queues.queue(instance);
    }

    private InstanceFiles files(InstanceRef instance) {
        return queues.files(instance);
    }
}
