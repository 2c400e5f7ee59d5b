package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.InstanceRef;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where one instance lives on the host, {@code <data>/sandbox/instances/<account>/<region>/<id>/}: its root
 * disk (the overlay's upper and work directories; it survives stop and start and goes at termination), the
 * mount point of its root filesystem, its seed, its OCI bundle and its launch spec. Its console file is
 * kept apart, {@code <data>/sandbox/consoles/<account>/<region>/<id>.log}, so the console of a terminated
 * (or failed) instance can still be read, as in EC2.
 */
record InstanceFiles(Path directory, Path console) {

    static InstanceFiles of(Path sandboxDirectory, InstanceRef instance) {
        return new InstanceFiles(sandboxDirectory.resolve("instances").resolve(instance.account())
                .resolve(instance.region()).resolve(instance.instanceId()),
                sandboxDirectory.resolve("consoles").resolve(instance.account()).resolve(instance.region())
                        .resolve(instance.instanceId() + ".log"));
    }

    Path upper() {
        return directory.resolve("disk/upper");
    }

    Path work() {
        return directory.resolve("disk/work");
    }

    Path rootfs() {
        return directory.resolve("rootfs");
    }

    /** Where its EBS volumes and instance-store disks are mounted on the host (a shared mount while it runs). */
    Path media() {
        return directory.resolve("media");
    }

    Path seed() {
        return directory.resolve("seed");
    }

    Path bundle() {
        return directory.resolve("bundle");
    }

    /** What the instance reads as {@code /proc/meminfo} ({@link GuestMemInfo}). */
    Path memInfo() {
        return directory.resolve("meminfo");
    }

    Path spec() {
        return directory.resolve("launch-spec.json");
    }

    /** Deletes everything of the instance, refusing while anything is still mounted inside it. */
    void delete() {
        if (!Mounts.under(directory).isEmpty()) {
            throw new SandboxException("refusing to delete " + directory + " while " + Mounts.under(directory)
                    + " is mounted");
        }
        try {
            ImageLibrary.deleteTree(directory);
        } catch (IOException e) {
            throw new SandboxException("cannot delete " + directory + ": " + e.getMessage(), e);
        }
    }
}
