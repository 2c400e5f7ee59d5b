package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the sandbox runtime needs from the host, checked for real (a namespace is created, a cgroup is
 * made and removed) rather than guessed from versions. {@code gureum serve --runtime sandbox} refuses to
 * start unless every check passes; {@code gureum doctor} prints them all.
 */
public final class SandboxProbe {
    /** One requirement: whether the host meets it, and what was found or what to do about it. */
    public record Check(String name, boolean passed, String detail) {
    }

    private static final List<String> CGROUP_CONTROLLERS = List.of("cpu", "memory", "pids");

    private SandboxProbe() {
    }

    public static List<Check> run() {
        List<Check> checks = new ArrayList<>();
        boolean root = isRoot();
        checks.add(new Check("running as root", root, root ? "uid 0"
                : "the sandbox creates namespaces, cgroups and mounts: run gureum as root"));
        checks.add(tool("crun", "crun", "--version"));
        checks.add(tool("ip", "iproute2", "-V"));
        checks.add(tool("nft", "nftables", "--version"));
        checks.add(tool("unshare", "util-linux", "--version"));
        checks.add(staticBusybox());
        checks.add(tool("sshd", "openssh-server", null));
        checks.add(tool("ssh-keygen", "openssh-client", null));
        checks.add(overlayfs());
        checks.add(tool("mkfs.ext4", "e2fsprogs", null));
        checks.add(tool("blkid", "util-linux", null));
        if (root) {
            checks.add(networkNamespaces());
            checks.add(writableCgroups());
            checks.add(nftables());
            checks.add(bridgeNetfilter());
        }
        return checks;
    }

    /** The failed checks' names and remedies, one line each; empty when the host is ready. */
    public static List<String> problems(List<Check> checks) {
        return checks.stream().filter(check -> !check.passed()).map(check -> check.name() + ": " + check.detail())
                .toList();
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Check tool(String name, String debianPackage, String versionFlag) {
        Optional<Path> found = HostTools.find(name);
        if (found.isEmpty()) {
            return new Check(name, false, "not installed (apt-get install " + debianPackage + ")");
        }
        String detail = found.get().toString();
        if (versionFlag != null) {
            HostCommand.Result version = HostCommand.attempt(found.get().toString(), versionFlag);
            detail += " (" + version.output().lines().findFirst().orElse("").strip() + ")";
        }
        return new Check(name, true, detail);
    }

    private static Check staticBusybox() {
        Optional<Path> busybox = HostTools.find("busybox");
        if (busybox.isEmpty()) {
            return new Check("static busybox", false, "not installed (apt-get install busybox-static)");
        }
        boolean isStatic = StaticBinary.isStatic(busybox.get());
        return new Check("static busybox", isStatic, isStatic ? busybox.get() + " (statically linked)"
                : busybox.get() + " is dynamically linked; the instance init needs busybox-static");
    }

    private static Check overlayfs() {
        boolean present = HostCommand.attempt("grep", "-qw", "overlay", "/proc/filesystems").succeeded()
                || HostCommand.attempt("modprobe", "overlay").succeeded();
        return new Check("overlayfs", present, present ? "available for copy-on-write root disks"
                : "the kernel offers no overlay filesystem (modprobe overlay)");
    }

    private static Check networkNamespaces() {
        Optional<Path> ip = HostTools.find("ip");
        if (ip.isEmpty()) {
            return new Check("network namespaces", false, "needs ip (iproute2)");
        }
        String name = "gureum-probe-" + ProcessHandle.current().pid();
        HostCommand.Result added = HostCommand.attempt(ip.get().toString(), "netns", "add", name);
        if (added.succeeded()) {
            HostCommand.attempt(ip.get().toString(), "netns", "delete", name);
            return new Check("network namespaces", true, "created and deleted " + name);
        }
        return new Check("network namespaces", false, "ip netns add failed: " + added.output().strip());
    }

    private static Check writableCgroups() {
        List<String> made = new ArrayList<>();
        for (String controller : CGROUP_CONTROLLERS) {
            Path probe = CgroupPaths.controllerRoot(controller).resolve("gureum-probe-" + ProcessHandle.current().pid());
            try {
                Files.createDirectory(probe);
                Files.delete(probe);
                made.add(controller);
            } catch (IOException | UnsupportedOperationException e) {
                return new Check("writable cgroups", false, "cannot create a " + controller + " cgroup under "
                        + probe.getParent() + ": " + e.getMessage());
            }
        }
        return new Check("writable cgroups", true, "created and removed a cgroup in " + String.join(", ", made));
    }

    /** Security groups filter bridged traffic statefully in inet chains, which br_netfilter feeds. */
    private static Check bridgeNetfilter() {
        Path sysctl = Path.of("/proc/sys/net/bridge/bridge-nf-call-iptables");
        boolean present = Files.exists(sysctl) || (HostCommand.attempt("modprobe", "br_netfilter").succeeded()
                && Files.exists(sysctl));
        return new Check("br_netfilter", present, present ? "bridged packets reach the security groups' inet chains"
                : "the kernel offers no br_netfilter (modprobe br_netfilter): security groups cannot be enforced");
    }

    private static Check nftables() {
        Optional<Path> nft = HostTools.find("nft");
        if (nft.isEmpty()) {
            return new Check("nftables rules", false, "needs nft (nftables)");
        }
        HostCommand.Result listed = HostCommand.attempt(nft.get().toString(), "list", "tables");
        return new Check("nftables rules", listed.succeeded(), listed.succeeded() ? "nft can read the ruleset"
                : "nft list tables failed: " + listed.output().strip());
    }
}
