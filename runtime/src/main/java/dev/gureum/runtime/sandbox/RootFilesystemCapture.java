package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CreateImage on this host: the instance's root filesystem as it sees it (its image with its own changes
 * on top) copied into a new image of the {@link ImageLibrary}. A running instance's mounted overlay is copied
 * as it is (NoReboot: like EC2, no guarantee for files being written meanwhile); a stopped one's disk is
 * mounted read-only for the copy, its own layer over the image's, so deleted files stay deleted. The copy
 * is {@code cp -a}: owners, modes, links, device nodes and extended attributes as they are.
 */
final class RootFilesystemCapture {
    private final HostTools tools;
    private final ImageLibrary images;

    RootFilesystemCapture(HostTools tools, ImageLibrary images) {
        this.tools = tools;
        this.images = images;
    }

    void capture(RootImage base, InstanceFiles files, String name) {
        if (Mounts.isMountPoint(files.rootfs())) {
            images.make(name, base.defaultUser(), target -> copy(files.rootfs(), target));
            return;
        }
        Path view = files.directory().resolve("capture");
        try {
            Files.createDirectories(view);
            Files.createDirectories(files.upper());
        } catch (IOException e) {
            throw new SandboxException("cannot prepare the capture of " + files.directory() + ": " + e.getMessage(), e);
        }
        // two lower layers and no upper one: a read-only overlay of the instance's disk
        HostCommand.run(tools.mount().toString(), "-t", "overlay", "overlay", "-o",
                "ro,lowerdir=" + files.upper() + ":" + base.root(), view.toString());
        try {
            images.make(name, base.defaultUser(), target -> copy(view, target));
        } finally {
            HostCommand.run(tools.umount().toString(), view.toString());
            try {
                Files.deleteIfExists(view);
            } catch (IOException e) {
                // an empty directory left beside the disk goes with the instance
            }
        }
    }

    /** Copies a whole tree (as root: everything as it is) into an empty directory. */
    static void copy(Path from, Path into) {
        HostCommand.run("cp", "-a", "--sparse=always", "--", from + "/.", into.toString());
    }
}
