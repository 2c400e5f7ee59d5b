package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.LaunchSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * The seed an instance boots with, mounted read-only at {@code /.gureum}: the init script and the static
 * busybox that runs it, {@code instance.env} (its id, type, image and default user), the key pair's public
 * key and the user data. Written afresh at every boot from the launch spec, so a modified user data or a
 * new image default takes effect at the next start.
 */
final class InstanceSeed {
    private static final byte[] SHEBANG = "#!".getBytes(StandardCharsets.US_ASCII);

    private final Path busybox;

    InstanceSeed(HostTools tools) {
        this.busybox = tools.busybox();
    }

    /** Writes the seed; returns a console note about the user data, or null when there is nothing to say. */
    String write(InstanceFiles files, LaunchSpec spec, RootImage image) {
        Path seed = files.seed();
        try {
            ImageLibrary.deleteTree(seed);
            Files.createDirectories(seed);
            Files.copy(busybox, seed.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
            try (InputStream init = InstanceSeed.class.getResourceAsStream("init.sh")) {
                if (init == null) {
                    throw new SandboxException("the runtime's init.sh resource is missing");
                }
                Files.copy(init, seed.resolve("init"));
            }
            Files.writeString(seed.resolve("instance.env"), environment(spec, image), StandardCharsets.UTF_8);
            if (spec.publicKey() != null && !spec.publicKey().isBlank()) {
                Files.writeString(seed.resolve("authorized_keys"), spec.publicKey().strip() + "\n", StandardCharsets.UTF_8);
            }
            String note = userData(seed, spec.userData());
            Files.setPosixFilePermissions(seed, PosixFilePermissions.fromString("rwx------"));
            return note;
        } catch (IOException e) {
            throw new SandboxException("cannot write the seed of " + files.directory() + ": " + e.getMessage(), e);
        }
    }

    /** A {@code #!} script is run at first boot; anything else is kept out, with a console note saying so. */
    private static String userData(Path seed, byte[] userData) throws IOException {
        if (userData == null || userData.length == 0) {
            return null;
        }
        if (userData.length >= 2 && Arrays.equals(Arrays.copyOf(userData, 2), SHEBANG)) {
            Files.write(seed.resolve("user-data"), userData);
            return null;
        }
        return "user data is not a #! script; the sandbox runs scripts only (" + userData.length + " bytes ignored)";
    }

    private static String environment(LaunchSpec spec, RootImage image) {
        return "INSTANCE_ID=" + quoted(spec.instance().instanceId()) + "\n"
                + "INSTANCE_TYPE=" + quoted(spec.instanceType()) + "\n"
                + "IMAGE_ID=" + quoted(spec.imageId()) + "\n"
                + "DEFAULT_USER=" + quoted(image.defaultUser()) + "\n";
    }

    /** Single-quoted for sh: nothing inside is expanded. */
    static String quoted(String value) {
        return "'" + (value == null ? "" : value.replace("'", "'\\''")) + "'";
    }
}
