package dev.gureum.runtime.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the host programs the sandbox runs are, found on the usual system paths (never in the data
 * directory, never downloaded), and which Debian package brings each one.
 */
record HostTools(Path crun, Path ip, Path nft, Path unshare, Path mount, Path umount, Path busybox, Path sshd,
                 Path sshKeygen, Path sftpServer, Path ldd) {

    private static final List<String> DIRECTORIES = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");

    /** A program by name: its path, or empty when none of the system directories holds it. */
    static Optional<Path> find(String name) {
        return DIRECTORIES.stream().map(directory -> Path.of(directory, name)).filter(Files::isExecutable).findFirst();
    }

    /** Every tool, or an exception naming the first one missing (the probe names them all). */
    static HostTools locate() {
        return new HostTools(require("crun", "crun"), require("ip", "iproute2"), require("nft", "nftables"),
                require("unshare", "util-linux"), require("mount", "mount"), require("umount", "mount"),
                require("busybox", "busybox-static"), require("sshd", "openssh-server"),
                require("ssh-keygen", "openssh-client"),
                Files.isExecutable(Path.of("/usr/lib/openssh/sftp-server")) ? Path.of("/usr/lib/openssh/sftp-server")
                        : null,
                require("ldd", "libc-bin"));
    }

    private static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new SandboxException(name + " is not installed (Debian package "
                + debianPackage + ")"));
    }
}
