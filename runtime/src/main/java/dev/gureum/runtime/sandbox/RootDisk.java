package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;

/**
 * An instance's root filesystem: an overlay whose lower layer is the shared, read-only image and whose
 * upper layer is the instance's own directory, so every instance writes only its copy of what it changes
 * and the image is never touched.
 */
final class RootDisk {
    private final HostTools tools;

    RootDisk(HostTools tools) {
        this.tools = tools;
    }

    void mount(RootImage image, InstanceFiles files) {
        if (Mounts.isMountPoint(files.rootfs())) {
            return;
        }
        String options = "lowerdir=" + image.root() + ",upperdir=" + files.upper() + ",workdir=" + files.work();
        for (String path : new String[] {image.root().toString(), files.directory().toString()}) {
            if (path.contains(",") || path.contains(":")) {
                throw new SandboxException("overlay paths cannot hold ',' or ':': " + path);
            }
        }
        try {
            Files.createDirectories(files.upper());
            Files.createDirectories(files.work());
            Files.createDirectories(files.rootfs());
        } catch (IOException e) {
            throw new SandboxException("cannot prepare the root disk of " + files.directory() + ": " + e.getMessage(), e);
        }
        HostCommand.run(tools.mount().toString(), "-t", "overlay", "overlay", "-o", options, files.rootfs().toString());
    }

    void unmount(InstanceFiles files) {
        if (!Mounts.isMountPoint(files.rootfs())) {
            return;
        }
        HostCommand.Result result = HostCommand.attempt(tools.umount().toString(), files.rootfs().toString());
        if (!result.succeeded()) {
            HostCommand.run(tools.umount().toString(), "--lazy", files.rootfs().toString());
        }
    }
}
