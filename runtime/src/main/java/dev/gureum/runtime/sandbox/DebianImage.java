package dev.gureum.runtime.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code debian-12} root filesystem of the catalog's Debian 12 AMIs: {@code debootstrap --variant=minbase
 * bookworm} with openssh-server, sudo and the everyday tools of Debian's AMIs (curl, iproute2, procps, ping, nc,
 * python3), from the Debian mirror this host's apt uses, default user {@code admin}
 * as on Debian's AMIs (the init lets it run anything as root through sudo without a password, as cloud-init does).
 * About 3.5 minutes and 160 MB, so it is built once per image cache and reused; debootstrap's
 * progress goes to the log and to the console of the instance waiting for it. What debootstrap copies from
 * the host ({@code /etc/resolv.conf}, {@code /etc/hostname}) and the host keys openssh-server's install made
 * are removed: no instance sees the host's {@code /etc}, and every instance makes its own host keys. sshd runs
 * without PAM (its login session modules need capabilities an instance does not have).
 */
final class DebianImage {
    static final String NAME = "debian-12";
    static final String DEFAULT_USER = "admin";
    /**
     * The directory the build is kept in, named for this recipe's revision, so a cache built by an earlier recipe
     * (revision 1, {@code debian-12}, without sudo; revision 2 without curl, iproute2, procps, ping, nc and python3)
     * is built again rather than booted without what it lacks.
     */
    static final String BUILD_NAME = NAME + "-r3";
    /** The directories earlier recipes built into, deleted once this one's build is there. */
    static final List<String> OLDER_BUILDS = List.of(NAME, NAME + "-r2");
    /** What Debian's own AMIs have that a learner reaches for: sudo, curl, ip, ps and free, ping, nc, python3. */
    private static final String PACKAGES = "openssh-server,sudo,curl,ca-certificates,iproute2,procps,iputils-ping,"
            + "netcat-openbsd,python3";
    private static final String SUITE = "bookworm";
    private static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";

    private DebianImage() {
    }

    /** Writes the image into {@code root}, an empty directory; {@code progress} gets debootstrap's lines. */
    static void assemble(Path root, Consumer<String> progress) throws IOException {
        String debootstrap = HostTools.find("debootstrap").map(Path::toString)
                .orElseThrow(() -> new IOException("debootstrap is not installed (Debian package debootstrap)"));
        String mirror = mirror();
        progress.accept("building the " + NAME + " image: debootstrap --variant=minbase " + SUITE + " from " + mirror);
        run(List.of(debootstrap, "--variant=minbase", "--include=" + PACKAGES, SUITE, root.toString(), mirror),
                progress);
        for (String hostFile : List.of("etc/resolv.conf", "etc/hostname")) {
            Files.deleteIfExists(root.resolve(hostFile));
        }
        Files.writeString(root.resolve("etc/hostname"), "localhost\n");
        try (var keys = Files.newDirectoryStream(root.resolve("etc/ssh"), "ssh_host_*")) {
            for (Path key : keys) {
                Files.delete(key);
            }
        }
        Files.createDirectories(root.resolve("etc/ssh/sshd_config.d"));
        Files.writeString(root.resolve("etc/ssh/sshd_config.d/gureum.conf"), """
                # Gureum: keys only; no PAM (its session modules need capabilities an instance does not have)
                UsePAM no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                """);
        try (var packages = Files.newDirectoryStream(root.resolve("var/cache/apt/archives"), "*.deb")) {
            for (Path deb : packages) {
                Files.delete(deb);
            }
        }
        progress.accept("the " + NAME + " image is built");
    }

    /** The first Debian archive this host's apt names (deb822 or one-line format), else deb.debian.org. */
    static String mirror() {
        for (Path sources : List.of(Path.of("/etc/apt/sources.list.d/debian.sources"), Path.of("/etc/apt/sources.list"))) {
            try {
                for (String line : Files.readAllLines(sources)) {
                    String text = line.strip();
                    String uri = text.startsWith("URIs:") ? text.substring(5).strip().split("\\s+")[0]
                            : text.startsWith("deb ") ? text.substring(4).strip().replaceFirst("^\\[[^]]*]\\s*", "")
                                    .split("\\s+")[0] : null;
                    if (uri != null && uri.startsWith("http") && !uri.contains("security")) {
                        return uri;
                    }
                }
            } catch (IOException unreadable) {
                // try the next file
            }
        }
        return DEFAULT_MIRROR;
    }

    private static void run(List<String> command, Consumer<String> progress) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("I: Retrieving") || line.startsWith("I: Validating")) {
                    continue;
                }
                progress.accept("debootstrap: " + line);
            }
        }
        try {
            if (process.waitFor() != 0) {
                throw new IOException("debootstrap failed (" + process.exitValue() + "); its output is above");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the " + NAME + " image", e);
        }
    }
}
