package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code gureum-tiny} root filesystem: the host's static busybox (every applet as a link) and OpenSSH's
 * sshd, ssh-keygen and sftp-server with exactly the shared libraries {@code ldd} names, plus account and
 * sshd files written here. Nothing else of the host is copied: no /etc file, no directory. It is about
 * 20 MB and is assembled in well under a second.
 */
final class TinyImage {
    static final String NAME = "gureum-tiny";
    static final String DEFAULT_USER = "ec2-user";
    private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.\\d]*)");
    private static final int USER_ID = 1000;

    private final HostTools tools;

    TinyImage(HostTools tools) {
        this.tools = tools;
    }

    /** Writes the image into {@code root}, an empty directory. */
    void assemble(Path root) throws IOException {
        for (String directory : new String[] {"bin", "sbin", "usr/bin", "usr/sbin", "etc/ssh", "root", "home",
                "run", "tmp", "var/empty", "var/log", "var/lib", "proc", "sys", "dev"}) {
            Files.createDirectories(root.resolve(directory));
        }
        Files.setAttribute(root.resolve("tmp"), "unix:mode", 01777);
        Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions.fromString("rwx------"));
        installBusybox(root);
        installWithLibraries(root, tools.sshd());
        installWithLibraries(root, tools.sshKeygen());
        if (tools.sftpServer() != null) {
            installWithLibraries(root, tools.sftpServer());
        }
        writeAccounts(root);
        write(root, "etc/nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\nhosts: files\n");
        write(root, "etc/hosts", "127.0.0.1 localhost\n");
        write(root, "etc/profile", "export PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin\n");
        write(root, "etc/os-release", "NAME=\"Gureum tiny\"\nID=gureum-tiny\nPRETTY_NAME=\"Gureum tiny (busybox + OpenSSH)\"\n");
        write(root, "etc/ssh/sshd_config", """
                # Gureum tiny image: keys only, no PAM (the image has none)
                UsePAM no
                PermitRootLogin prohibit-password
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                AuthorizedKeysFile .ssh/authorized_keys
                PrintMotd no
                """ + (tools.sftpServer() == null ? "" : "Subsystem sftp " + tools.sftpServer() + "\n"));
    }

    /** nohup as POSIX has it: hangups ignored, output to nohup.out when it would go to a terminal. */
    private static final String NOHUP = """
            #!/bin/sh
            trap '' HUP
            if [ -t 1 ]; then
              exec >> nohup.out
            fi
            if [ -t 2 ]; then
              exec 2>&1
            fi
            exec "$@"
            """;

    private void installBusybox(Path root) throws IOException {
        Path busybox = root.resolve("bin/busybox");
        Files.copy(tools.busybox(), busybox, StandardCopyOption.COPY_ATTRIBUTES);
        String applets = HostCommand.run(tools.busybox().toString(), "--list");
        for (String applet : applets.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            Path link = root.resolve("bin").resolve(applet);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of("busybox"));
            }
        }
        Path nohup = root.resolve("bin/nohup");
        if (!Files.exists(nohup, LinkOption.NOFOLLOW_LINKS)) {
            // Debian's busybox-static has no nohup applet: a job started with it would not even start
            Files.writeString(nohup, NOHUP);
            Files.setPosixFilePermissions(nohup, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Copies a host program to the same path in the image, with every library it loads. */
    private void installWithLibraries(Path root, Path program) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        files.add(program);
        Matcher libraries = LIBRARY.matcher(HostCommand.run(tools.ldd().toString(), program.toString()));
        while (libraries.find()) {
            files.add(Path.of(libraries.group(1)));
        }
        for (Path file : files) {
            Path target = root.resolve(file.toString().substring(1));
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void writeAccounts(Path root) throws IOException {
        write(root, "etc/passwd", """
                root:x:0:0:root:/root:/bin/sh
                sshd:x:100:65534:sshd privilege separation:/run/sshd:/bin/false
                %s:x:%d:%d:Default user:/home/%s:/bin/sh
                nobody:x:65534:65534:nobody:/nonexistent:/bin/false
                """.formatted(DEFAULT_USER, USER_ID, USER_ID, DEFAULT_USER));
        write(root, "etc/group", "root:x:0:\n%s:x:%d:\nnogroup:x:65534:\n".formatted(DEFAULT_USER, USER_ID));
        // "*": no password can match, yet the account is not locked ("!" would make sshd refuse keys too)
        write(root, "etc/shadow", "root:*:20000:0:99999:7:::\nsshd:*:20000:0:99999:7:::\n%s:*:20000:0:99999:7:::\n"
                .formatted(DEFAULT_USER) + "nobody:*:20000:0:99999:7:::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        Path home = Files.createDirectories(root.resolve("home").resolve(DEFAULT_USER));
        Files.setAttribute(home, "unix:uid", USER_ID);
        Files.setAttribute(home, "unix:gid", USER_ID);
    }

    private static void write(Path root, String file, String content) throws IOException {
        Files.writeString(root.resolve(file), content, StandardCharsets.UTF_8);
    }
}
