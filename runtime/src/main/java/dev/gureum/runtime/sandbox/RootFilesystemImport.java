package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gureum image import}: a directory (copied with {@code cp -a}) or a tarball (unpacked by GNU tar,
 * which detects the compression, keeps owners and modes, and strips leading {@code /} and refuses
 * {@code ..} in member names) made a root filesystem of the {@link ImageLibrary}. The instance's init is the
 * host's static busybox, so an image needs no init of its own; what it must hold is {@code /bin/sh} (user
 * data and logins run it) and {@code /usr/sbin/sshd} with {@code ssh-keygen} (the init starts sshd and makes
 * host keys), each found by following links inside the tree, never on the host.
 */
final class RootFilesystemImport {
    private static final List<String> REQUIRED = List.of("bin/sh", "usr/sbin/sshd");
    private static final int MAX_LINKS = 16;

    private final ImageLibrary images;

    RootFilesystemImport(ImageLibrary images) {
        this.images = images;
    }

    void importTree(String name, Path source, String defaultUser) {
        if (!source.isAbsolute() || !Files.exists(source)) {
            throw new SandboxException("no directory or tarball at " + source + " (give an absolute path on the"
                    + " server's host)");
        }
        if (defaultUser == null || !defaultUser.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new SandboxException("not a user name: " + defaultUser);
        }
        images.make(name, defaultUser, target -> {
            if (Files.isDirectory(source)) {
                RootFilesystemCapture.copy(source, target);
            } else {
                HostCommand.run("tar", "-x", "-p", "--numeric-owner", "-f", source.toString(), "-C", target.toString());
            }
            List<String> missing = missing(target);
            if (!missing.isEmpty()) {
                throw new IOException(source + " is not a root filesystem an instance can boot: it has no "
                        + String.join(", ", missing.stream().map(path -> "/" + path).toList())
                        + " (the init needs /bin/sh, /usr/sbin/sshd and ssh-keygen)");
            }
        });
    }

    /** What a root filesystem lacks of {@link #REQUIRED} and ssh-keygen (in /usr/bin or /bin). */
    static List<String> missing(Path root) {
        List<String> missing = new ArrayList<>();
        for (String path : REQUIRED) {
            if (!existsInside(root, path)) {
                missing.add(path);
            }
        }
        if (!existsInside(root, "usr/bin/ssh-keygen") && !existsInside(root, "bin/ssh-keygen")) {
            missing.add("usr/bin/ssh-keygen");
        }
        return missing;
    }

    /** Whether {@code path} names a regular file in the tree, links followed as the instance would see them. */
    static boolean existsInside(Path root, String path) {
        Path current = Path.of("/").resolve(path).normalize();
        for (int hop = 0; hop <= MAX_LINKS; hop++) {
            Path resolved = resolveParents(root, current);
            if (resolved == null) {
                return false;
            }
            Path onHost = root.resolve(Path.of("/").relativize(resolved).toString());
            if (!Files.isSymbolicLink(onHost)) {
                return Files.isRegularFile(onHost, LinkOption.NOFOLLOW_LINKS);
            }
            try {
                Path target = Files.readSymbolicLink(onHost);
                current = (target.isAbsolute() ? target : resolved.getParent().resolve(target)).normalize();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** The path with every link among its parent directories followed inside the tree; null past too many links. */
    private static Path resolveParents(Path root, Path path) {
        Path resolved = Path.of("/");
        int hops = 0;
        for (int index = 0; index < path.getNameCount() - 1; index++) {
            resolved = resolved.resolve(path.getName(index));
            Path onHost = root.resolve(Path.of("/").relativize(resolved).toString());
            while (Files.isSymbolicLink(onHost)) {
                if (++hops > MAX_LINKS) {
                    return null;
                }
                try {
                    Path target = Files.readSymbolicLink(onHost);
                    resolved = (target.isAbsolute() ? target : resolved.getParent().resolve(target)).normalize();
                } catch (IOException e) {
                    return null;
                }
                onHost = root.resolve(Path.of("/").relativize(resolved).toString());
            }
        }
        return path.getNameCount() == 0 ? resolved : resolved.resolve(path.getFileName());
    }
}
