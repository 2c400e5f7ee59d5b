package dev.gureum.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the sandbox runtime may have left on the host for some instances and VPCs: network namespaces,
 * host interfaces and routes, mounts under a data directory, loop devices over its files, cgroups, processes of containers and crun's
 * state. Read from the kernel's own files and {@code ip}, not from Gureum.
 */
final class HostLeftovers {
    private HostLeftovers() {
    }

    /**
     * Everything left that names one of the ids (instances, VPCs), routes one of the subnet blocks or sits
     * under the data directory; empty when clean.
     */
    static List<String> find(Path dataDirectory, List<String> ids, List<String> subnetBlocks) {
        List<String> left = new ArrayList<>();
        for (String namespace : KeyTools.shell("ip netns list | cut -d' ' -f1").lines().toList()) {
            if (ids.stream().anyMatch(id -> namespace.equals("gureum-" + id))) {
                left.add("network namespace " + namespace);
            }
        }
        String links = KeyTools.shell("ip -o link show");
        for (String id : ids) {
            String tail = id.substring(id.indexOf('-') + 1);
            tail = tail.length() <= 12 ? tail : tail.substring(tail.length() - 12);
            if (links.contains(": gu" + tail + "@")) {
                left.add("host uplink gu" + tail);
            }
        }
        for (String line : KeyTools.shell("ip -4 route show table main").lines().toList()) {
            if (subnetBlocks.stream().anyMatch(block -> line.startsWith(block + " ") || line.startsWith("blackhole " + block + " "))) {
                left.add("route " + line);
            }
        }
        try {
            Path absolute = dataDirectory.toRealPath();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                if (line.split(" ")[4].startsWith(absolute.toString())) {
                    left.add("mount " + line.split(" ")[4]);
                }
            }
            for (String loop : KeyTools.shell("losetup --list --noheadings --output NAME,BACK-FILE || true").lines()
                    .toList()) {
                if (loop.contains(absolute.toString())) {
                    left.add("loop device " + loop.strip());
                }
            }
            try (Stream<Path> trees = Files.list(Path.of("/sys/fs/cgroup"))) {
                for (Path tree : trees.toList()) {
                    for (String id : ids) {
                        if (Files.exists(tree.resolve("gureum").resolve(id))) {
                            left.add("cgroup " + tree.resolve("gureum").resolve(id));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String id : ids) {
            if (!KeyTools.shell("grep -l " + id + " /proc/[0-9]*/cgroup 2>/dev/null || true").isBlank()) {
                left.add("processes in the cgroup of " + id);
            }
        }
        return left;
    }

    /**
     * What the sandbox's public network may have left: the simulated internet's namespace, the host's link to
     * it, and routes or blackholes for the default public address pool; empty when clean.
     */
    static List<String> publicNetwork() {
        List<String> left = new ArrayList<>();
        if (KeyTools.shell("ip netns list | cut -d' ' -f1").lines().anyMatch("gureum-internet"::equals)) {
            left.add("network namespace gureum-internet");
        }
        if (KeyTools.shell("ip -o link show").contains(": guinternet")) {
            left.add("host link guinternet");
        }
        for (String line : KeyTools.shell("ip -4 route show table main").lines().toList()) {
            if (line.startsWith("198.18.0.0/15 ") || line.startsWith("blackhole 198.18.0.0/15 ")) {
                left.add("route " + line);
            }
        }
        return left;
    }

    /** As {@link #find}, waiting a little: the kernel frees a namespace's interfaces after its last user. */
    static List<String> awaitClean(Path dataDirectory, List<String> ids, List<String> subnetBlocks) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> left = find(dataDirectory, ids, subnetBlocks);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = find(dataDirectory, ids, subnetBlocks);
        }
        return left;
    }
}
