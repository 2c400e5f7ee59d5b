package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.runtime.AttachedDisk;
import dev.gureum.core.runtime.LaunchSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Brings one instance up and down on this host, step by step: image, root disk, seed, network, bundle,
 * crun; and back: SIGTERM, grace, SIGKILL, crun delete, network, root disk. Each step is idempotent, so a
 * half-done boot is cleaned up by a halt and a boot after a crash starts from whatever is left.
 */
final class SandboxHost {
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Crun crun;
    private final ImageLibrary images;
    private final RootDisk disks;
    private final InstanceSeed seeds;
    private final InstanceNetworks networks;
    private final HostCapacity capacity;
    private final InstanceDiskMounts diskMounts;
    private final RootFilesystemCapture captures;

    SandboxHost(HostTools tools, Crun crun, ImageLibrary images, InstanceNetworks networks, HostCapacity capacity,
                InstanceDiskMounts diskMounts) {
        this.diskMounts = diskMounts;
        this.captures = new RootFilesystemCapture(tools, images);
        this.crun = crun;
        this.images = images;
        this.disks = new RootDisk(tools);
        this.seeds = new InstanceSeed(tools);
        this.networks = networks;
        this.capacity = capacity;
    }

    /** What crun knows of the instance's container: nothing, or a state (after a server restart it may run). */
    Optional<Crun.State> container(LaunchSpec spec) {
        return crun.state(containerId(spec));
    }

    /** Takes over an instance whose container outlived the server that started it. */
    void adopt(LaunchSpec spec, InstanceFiles files) {
        ConsoleFile.note(files.console(), "adopted: still running from before the server restarted");
        if (spec.network() != null) {
            networks.adopt(spec.network());
        }
    }

    /**
     * Starts the instance from its spec, replacing a stopped container crun still knows; on failure
     * everything it made is taken down again.
     */
    void boot(LaunchSpec spec, InstanceFiles files, Optional<Crun.State> leftover) {
        ConsoleFile.note(files.console(), "starting " + spec.instance().instanceId() + " (" + spec.instanceType()
                + ", " + spec.vcpus() + " vCPU, " + spec.memoryMebibytes() + " MiB) from " + spec.imageId());
        RootImage image = images.image(spec.rootFilesystem(), line -> ConsoleFile.note(files.console(), line));
        LaunchSpecFile.write(files, spec);
        try {
            if (leftover.isPresent()) {
                crun.delete(containerId(spec));
            }
            disks.mount(image, files);
            mountDisks(spec, files);
            String note = seeds.write(files, spec, image);
            if (note != null) {
                ConsoleFile.note(files.console(), note);
            }
            if (spec.network() == null) {
                throw new SandboxException("the instance has no network interface to wire");
            }
            InstanceNetworks.Attached network = networks.attach(spec.instance().instanceId(), spec.network());
            ConsoleFile.note(files.console(), "eth0 " + spec.network().privateIpAddress() + " in "
                    + spec.network().subnetId() + (network.routedFromHost() ? " (reachable from the host)"
                    : " (not routable from the host: its subnet overlaps a host network or another VPC)"));
            writeBundle(spec, files, network.namespace());
            crun.run(containerId(spec), files.bundle(), files.console());
        } catch (RuntimeException e) {
            halt(spec, files, Duration.ZERO);
            throw e;
        }
    }

    /**
     * Stops the instance: SIGUSR2 to its init (a poweroff, to busybox; SIGTERM is its reboot), up to {@code grace}
     * for it to end, then SIGKILL; then its container, network and root mount go. Its disk stays.
     */
    void halt(LaunchSpec spec, InstanceFiles files, Duration grace) {
        String id = containerId(spec);
        Optional<Crun.State> state = crun.state(id);
        if (state.isPresent() && state.get().running()) {
            if (!grace.isZero()) {
                crun.kill(id, "USR2");
                if (!awaitExit(state.get().pid(), grace)) {
                    ConsoleFile.note(files.console(), "still running after " + grace.toSeconds() + " s: killed");
                }
            }
            crun.kill(id, "KILL");
            awaitExit(state.get().pid(), KILL_WAIT);
        }
        crun.delete(id);
        if (spec.network() != null) {
            networks.detach(spec.instance().instanceId(), spec.network());
        }
        diskMounts.unmountAll(files);
        disks.unmount(files);
    }

    /** The instance's EBS volumes and instance-store disks, mounted before it boots. */
    private void mountDisks(LaunchSpec spec, InstanceFiles files) {
        diskMounts.prepare(files);
        for (AttachedDisk disk : spec.disks()) {
            try {
                diskMounts.mount(files, disk);
                ConsoleFile.note(files.console(), disk.device() + " mounted at " + InstanceDiskMounts.MEDIA + "/"
                        + InstanceDiskMounts.name(disk) + (firstInstanceStore(spec).filter(disk::equals).isPresent()
                        ? " and " + InstanceDiskMounts.INSTANCE_STORE_MOUNT : ""));
            } catch (SandboxException e) {
                if (disk.instanceStore()) {
                    throw e;
                }
                // EC2 boots an instance whose data volume cannot be read; the console says why
                ConsoleFile.note(files.console(), disk.device() + " cannot be mounted: " + e.getMessage());
            }
        }
    }

    /** Plugs a volume into the running instance. */
    void attachDisk(InstanceFiles files, AttachedDisk disk) {
        diskMounts.mount(files, disk);
        ConsoleFile.note(files.console(), disk.device() + " attached at " + InstanceDiskMounts.MEDIA + "/"
                + InstanceDiskMounts.name(disk));
    }

    /** Unplugs a volume from the running instance; false while a process inside still uses it (not forced). */
    boolean detachDisk(InstanceFiles files, AttachedDisk disk, boolean force) {
        boolean gone = diskMounts.unmount(files, disk, force);
        if (gone) {
            ConsoleFile.note(files.console(), disk.device() + " detached" + (force ? " (forced)" : ""));
        }
        return gone;
    }

    private static Optional<AttachedDisk> firstInstanceStore(LaunchSpec spec) {
        return spec.disks().stream().filter(AttachedDisk::instanceStore).findFirst();
    }

    /** Copies the instance's root filesystem (running or stopped) into the new image {@code name}. */
    void captureRoot(LaunchSpec spec, InstanceFiles files, String name) {
        captures.capture(images.image(spec.rootFilesystem()), files, name);
    }

    ImageLibrary images() {
        return images;
    }

    /** Builds the images instances boot from ahead of the first launch, so it does not wait for them. */
    void prepareImages() {
        try {
            images.image(TinyImage.NAME);
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(SandboxHost.class.getName()).warning("cannot build the "
                    + TinyImage.NAME + " image: " + e.getMessage());
        }
    }

    HostCapacity capacity() {
        return capacity;
    }

    private static boolean awaitExit(long pid, Duration timeout) {
        if (pid <= 0) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void writeBundle(LaunchSpec spec, InstanceFiles files, Path namespace) {
        InstanceLimits limits = InstanceLimits.of(spec.vcpus(), spec.memoryMebibytes(), capacity);
        GuestMemInfo.create(files.memInfo(), limits.memoryBytes());
        String config = OciConfig.render(new OciConfig.Instance(hostname(spec), files.rootfs(), files.seed(),
                namespace, CgroupPaths.cgroupsPath(containerId(spec)), limits, files.media(),
                firstInstanceStore(spec).map(disk -> files.media().resolve(InstanceDiskMounts.name(disk)))
                        .filter(Mounts::isMountPoint).orElse(null), files.memInfo()));
        try {
            Files.createDirectories(files.bundle());
            Files.writeString(files.bundle().resolve("config.json"), config);
        } catch (IOException e) {
            throw new SandboxException("cannot write the bundle of " + files.directory() + ": " + e.getMessage(), e);
        }
    }

    /** EC2's resource name style: ip-172-31-0-5 after the private address. */
    static String hostname(LaunchSpec spec) {
        if (spec.network() == null || Ipv4Cidr.parseAddress(spec.network().privateIpAddress()) < 0) {
            return spec.instance().instanceId();
        }
        return "ip-" + spec.network().privateIpAddress().replace('.', '-');
    }

    static String containerId(LaunchSpec spec) {
        return spec.instance().instanceId();
    }
}
