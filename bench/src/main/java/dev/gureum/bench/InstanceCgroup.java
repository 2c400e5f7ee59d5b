package dev.gureum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory counters of a sandbox instance's cgroup, read where the runtime puts it (runtime's
 * CgroupPaths: {@code /gureum/<instance id>} in the memory hierarchy, {@code /sys/fs/cgroup/memory} on a
 * cgroup v1 host, {@code /sys/fs/cgroup} on a v2 one).
 */
final class InstanceCgroup {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private InstanceCgroup() {
    }

    /** All memory charged to the instance, page cache included (v1 memory.usage_in_bytes, v2 memory.current). */
    static long usageBytes(String instanceId) throws IOException {
        Path cgroup = cgroup(instanceId);
        Path v1 = cgroup.resolve("memory.usage_in_bytes");
        return Long.parseLong(Files.readString(Files.exists(v1) ? v1 : cgroup.resolve("memory.current")).strip());
    }

    /** The instance's anonymous memory (v1 memory.stat total_rss, v2 memory.stat anon). */
    static long rssBytes(String instanceId) throws IOException {
        for (String line : Files.readAllLines(cgroup(instanceId).resolve("memory.stat"))) {
            String[] field = line.split(" ");
            if (field[0].equals("total_rss") || field[0].equals("anon")) {
                return Long.parseLong(field[1]);
            }
        }
        throw new IllegalStateException("no rss in the memory.stat of " + instanceId);
    }

    private static Path cgroup(String instanceId) {
        Path v1 = ROOT.resolve("memory");
        return (Files.isDirectory(v1) ? v1 : ROOT).resolve("gureum").resolve(instanceId);
    }
}
