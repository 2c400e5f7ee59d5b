package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.NetworkNames;
import dev.gureum.core.runtime.LaunchSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The seed an instance boots with, mounted read-only at {@code /.gureum}: the init script and the static
 * busybox that runs it, {@code instance.env} (its id, type, image, default user and private DNS name), the key pair's public
 * key and the user data (a {@code #!} script, or what {@link CloudConfigScript} makes of a cloud-config). Written afresh at every boot from the launch spec, so a modified user data or a
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

    /**
     * A {@code #!} script is run at first boot; a {@code #cloud-config} becomes the scripts of
     * {@link CloudConfigScript}; either may be gzipped, as cloud-init allows. Anything else (MIME multi-part,
     * {@code #include}, {@code #cloud-boothook}…) is kept out, with a console note saying so, as is a
     * cloud-config that is not YAML (the instance boots all the same).
     */
    static String userData(Path seed, byte[] userData) throws IOException {
        if (userData == null || userData.length == 0) {
            return null;
        }
        byte[] content = userData;
        if (userData.length >= 2 && (userData[0] & 0xff) == 0x1f && (userData[1] & 0xff) == 0x8b) {
            try {
                content = CloudConfig.gunzip(userData);
            } catch (IOException e) {
                return "user data is gzip that cannot be read (" + e.getMessage() + "); not run";
            }
        }
        if (CloudConfig.startsWith(content, SHEBANG)) {
            Files.write(seed.resolve("user-data"), content);
            return null;
        }
        if (CloudConfig.isCloudConfig(content)) {
            try {
                CloudConfig config = CloudConfig.parse(new String(content, StandardCharsets.UTF_8));
                Files.createDirectories(seed.resolve(CloudConfigScript.DIRECTORY));
                for (var file : CloudConfigScript.seedFiles(config).entrySet()) {
                    Files.write(seed.resolve(file.getKey()), file.getValue());
                }
                return null;
            } catch (CloudConfig.InvalidCloudConfig e) {
                return "cloud-config user data is " + e.getMessage() + "; not run";
            }
        }
        return "user data is neither a #! script nor #cloud-config; the sandbox runs no other type (MIME multi-part, "
                + "#include, #cloud-boothook…), " + content.length + " bytes not run";
    }

    private static String environment(LaunchSpec spec, RootImage image) {
        return "INSTANCE_ID=" + quoted(spec.instance().instanceId()) + "\n"
                + "INSTANCE_TYPE=" + quoted(spec.instanceType()) + "\n"
                + "IMAGE_ID=" + quoted(spec.imageId()) + "\n"
                + "DEFAULT_USER=" + quoted(image.defaultUser()) + "\n"
                + "LOCAL_HOSTNAME=" + quoted(localHostname(spec)) + "\n";
    }

    /** The instance's private DNS name ({@code ip-172-31-0-5.ec2.internal}), or its hostname when it has none. */
    private static String localHostname(LaunchSpec spec) {
        String hostname = SandboxHost.hostname(spec);
        return hostname.equals(spec.instance().instanceId()) ? hostname
                : NetworkNames.privateDnsName(spec.network().privateIpAddress(), spec.instance().region());
    }

    /** Single-quoted for sh: nothing inside is expanded. */
    static String quoted(String value) {
        return "'" + (value == null ? "" : value.replace("'", "'\\''")) + "'";
    }
}
