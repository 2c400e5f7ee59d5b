package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The root filesystems the sandbox can boot, by the name an AMI's {@code rootFilesystem} carries, kept under
 * {@code <data>/sandbox/images/<name>/rootfs}. An image is built the first time an instance needs it, into
 * a temporary directory moved into place when complete, so a crash never leaves half an image in use.
 */
final class ImageLibrary {
    private final Path directory;
    private final HostTools tools;

    ImageLibrary(Path directory, HostTools tools) {
        this.directory = directory;
        this.tools = tools;
    }

    /** The image named, built now if it is not there yet; fails for a name the sandbox cannot build. */
    synchronized RootImage image(String name) {
        if (!TinyImage.NAME.equals(name)) {
            throw new SandboxException("the sandbox runtime has no root filesystem for '" + name
                    + "' yet; launch the gureum-tiny image (describe-images --filters Name=name,Values='gureum-tiny-*')");
        }
        Path root = directory.resolve(name).resolve("rootfs");
        if (!Files.isDirectory(root)) {
            build(name, root);
        }
        return new RootImage(name, root, TinyImage.DEFAULT_USER);
    }

    private void build(String name, Path root) {
        Path building = directory.resolve(name + ".building");
        try {
            deleteTree(building);
            Files.createDirectories(building.resolve("rootfs"));
            new TinyImage(tools).assemble(building.resolve("rootfs"));
            Files.createDirectories(root.getParent().getParent());
            Files.move(building, root.getParent(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SandboxException("cannot build the " + name + " image: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
