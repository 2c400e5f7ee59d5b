package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.AttachedDisk;
import dev.gureum.runtime.storage.SparseFileBlockStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * An instance's EBS volumes and instance-store disks as filesystems inside it. Each disk's file (the
 * {@link SparseFileBlockStore}'s) is mounted on the host through a loop device at
 * {@code <instance>/media/<name>}; that directory is a shared mount bound into the instance at
 * {@code /media} as a slave, so a volume mounted or unmounted on the host while the instance runs appears or
 * disappears inside it at once, and the kernel refuses to unmount one a process inside still uses (EC2's
 * {@code busy}). An instance has no {@code CAP_SYS_ADMIN}, so it could not mount a raw block device itself:
 * a disk without a filesystem (a new volume, a fresh instance-store disk) is formatted ext4 when it is first
 * mounted, lazily, so a 1.9 TB disk costs a few MB and a tenth of a second. Loop devices are attached by
 * {@code mount -o loop}, which frees them when the filesystem is unmounted, so nothing is left behind.
 */
final class InstanceDiskMounts {
    /** Where the disks appear inside the instance. */
    static final String MEDIA = "/media";
    /** Where the first instance-store disk also appears, as AWS's Linux AMIs mount ephemeral0. */
    static final String INSTANCE_STORE_MOUNT = "/mnt";

    private final HostTools tools;
    private final SparseFileBlockStore blocks;

    InstanceDiskMounts(HostTools tools, SparseFileBlockStore blocks) {
        this.tools = tools;
        this.blocks = blocks;
    }

    /**
     * The name a disk has under {@code /media}: an EBS device as a Xen kernel names it ({@code /dev/sdf} and
     * {@code /dev/xvdf} are both {@code xvdf}), an instance-store disk by its virtual name.
     */
    static String name(AttachedDisk disk) {
        if (disk.instanceStore()) {
            return disk.device();
        }
        String device = disk.device().substring(disk.device().lastIndexOf('/') + 1);
        String name = device.startsWith("sd") ? "xvd" + device.substring(2) : device;
        if (!name.matches("[a-z0-9]{1,16}")) {
            throw new SandboxException("not a device name the sandbox can mount: " + disk.device());
        }
        return name;
    }

    /** The instance's {@code media} directory as a shared mount, so what is mounted in it reaches the instance. */
    void prepare(InstanceFiles files) {
        Path media = files.media();
        try {
            Files.createDirectories(media);
        } catch (IOException e) {
            throw new SandboxException("cannot make " + media + ": " + e.getMessage(), e);
        }
        if (!Mounts.isMountPoint(media)) {
            HostCommand.run(tools.mount().toString(), "--bind", media.toString(), media.toString());
        }
        HostCommand.run(tools.mount().toString(), "--make-shared", media.toString());
    }

    /** Mounts the disk (formatting it first if it holds no filesystem); a mounted one is left as it is. */
    void mount(InstanceFiles files, AttachedDisk disk) {
        Path point = files.media().resolve(name(disk));
        if (Mounts.isMountPoint(point)) {
            return;
        }
        Path file = blocks.file(disk.disk());
        try {
            if (!Files.exists(file)) {
                blocks.create(disk.disk(), disk.sizeBytes());
            }
            Files.createDirectories(point);
        } catch (IOException e) {
            throw new SandboxException("cannot prepare " + disk.device() + ": " + e.getMessage(), e);
        }
        if (!hasFilesystem(file)) {
            HostCommand.run(tool("mkfs.ext4"), "-q", "-F", "-E", "lazy_itable_init=1,lazy_journal_init=1,nodiscard",
                    "-L", name(disk), file.toString());
        }
        // noinit_itable: the kernel does not zero the lazily made inode tables in the background, which would
        // turn a sparse file into gigabytes of written zeros; unwritten blocks read as zeros anyway
        HostCommand.run(tools.mount().toString(), "-o", "loop,noinit_itable,nodev,nosuid", file.toString(),
                point.toString());
    }

    /**
     * Unmounts the disk; false when a process inside the instance still uses it and {@code force} is not set.
     * A forced unmount detaches it at once (lazily: its loop device goes when the last user lets go).
     */
    boolean unmount(InstanceFiles files, AttachedDisk disk, boolean force) {
        Path point = files.media().resolve(name(disk));
        if (!Mounts.isMountPoint(point)) {
            return true;
        }
        if (HostCommand.attempt(tools.umount().toString(), point.toString()).succeeded()) {
            return true;
        }
        if (!force) {
            return false;
        }
        HostCommand.run(tools.umount().toString(), "--lazy", point.toString());
        return true;
    }

    /** Unmounts every disk and the {@code media} mount itself (the instance is down, nothing can be busy). */
    void unmountAll(InstanceFiles files) {
        Path media = files.media();
        List<Path> points = Mounts.under(media).stream().sorted(Comparator.comparing(Path::getNameCount).reversed())
                .distinct().toList();
        for (Path point : points) {
            if (!HostCommand.attempt(tools.umount().toString(), point.toString()).succeeded()) {
                HostCommand.run(tools.umount().toString(), "--lazy", point.toString());
            }
        }
    }

    private boolean hasFilesystem(Path file) {
        return HostCommand.attempt(tool("blkid"), "-p", "-o", "value", "-s", "TYPE", file.toString()).succeeded();
    }

    private static String tool(String name) {
        return HostTools.find(name).map(Path::toString)
                .orElseThrow(() -> new SandboxException(name + " is not installed (Debian packages e2fsprogs, util-linux)"));
    }
}
