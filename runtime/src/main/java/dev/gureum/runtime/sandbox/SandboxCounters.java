package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.InstanceCounters;
import dev.gureum.core.runtime.StatusChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sandboxed instance's real counters, read from the host: CPU time from its cgroup ({@code cpuacct.usage}
 * on cgroup v1, {@code cpu.stat usage_usec} on v2), network bytes and packets of its {@code eth0} from
 * {@code /proc/<pid>/net/dev} of a process inside it (its own network namespace), and block I/O from its
 * cgroup ({@code blkio.throttle.io_service*} on v1, {@code io.stat} on v2) — the root disk's reads and
 * writes, reported as its EBS volume's. Status checks: the instance check passes while the container has
 * processes, the system check while its network namespace exists.
 */
final class SandboxCounters {
    private SandboxCounters() {
    }

    /** The counters, or null when the instance's cgroup has no process (it is not running here). */
    static InstanceCounters read(String containerId) {
        Long pid = firstProcess(containerId);
        if (pid == null) {
            return null;
        }
        double cpuSeconds = cpuSeconds(containerId);
        long[] network = network(pid);
        long[] io = blockIo(containerId);
        return new InstanceCounters(cpuSeconds, network[0], network[2], network[1], network[3], 0, 0, 0, 0,
                io[0], io[1], io[2], io[3]);
    }

    static StatusChecks statusChecks(String containerId) {
        boolean system = Files.exists(NetworkNames.namespacePath(containerId));
        boolean instance = firstProcess(containerId) != null;
        return new StatusChecks(system, instance);
    }

    private static Path cgroup(String controller, String containerId) {
        return CgroupPaths.controllerRoot(controller).resolve(CgroupPaths.PARENT).resolve(containerId);
    }

    private static Long firstProcess(String containerId) {
        for (String line : lines(cgroup("pids", containerId).resolve("cgroup.procs"))) {
            if (!line.isBlank()) {
                return Long.parseLong(line.trim());
            }
        }
        return null;
    }

    private static double cpuSeconds(String containerId) {
        Path v1 = cgroup("cpuacct", containerId).resolve("cpuacct.usage");
        if (Files.exists(v1)) {
            List<String> lines = lines(v1);
            return lines.isEmpty() ? 0 : Long.parseLong(lines.get(0).trim()) / 1e9;
        }
        for (String line : lines(cgroup("cpu", containerId).resolve("cpu.stat"))) {
            if (line.startsWith("usage_usec ")) {
                return Long.parseLong(line.substring("usage_usec ".length()).trim()) / 1e6;
            }
        }
        return 0;
    }

    /** eth0's received bytes and packets, sent bytes and packets. */
    private static long[] network(long pid) {
        for (String line : lines(Path.of("/proc", Long.toString(pid), "net", "dev"))) {
            String trimmed = line.trim();
            if (trimmed.startsWith("eth0:")) {
                String[] fields = trimmed.substring(5).trim().split("\\s+");
                return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[8]),
                        Long.parseLong(fields[9])};
            }
        }
        return new long[4];
    }

    /** Bytes read and written, read and write operations. */
    private static long[] blockIo(String containerId) {
        long[] io = new long[4];
        Path v1 = cgroup("blkio", containerId);
        if (Files.exists(v1.resolve("blkio.throttle.io_service_bytes"))) {
            addV1(lines(v1.resolve("blkio.throttle.io_service_bytes")), io, 0);
            addV1(lines(v1.resolve("blkio.throttle.io_serviced")), io, 2);
            return io;
        }
        for (String line : lines(cgroup("io", containerId).resolve("io.stat"))) {
            for (String field : line.split("\\s+")) {
                int equals = field.indexOf('=');
                if (equals < 0) {
                    continue;
                }
                long value = Long.parseLong(field.substring(equals + 1));
                switch (field.substring(0, equals)) {
                    case "rbytes" -> io[0] += value;
                    case "wbytes" -> io[1] += value;
                    case "rios" -> io[2] += value;
                    case "wios" -> io[3] += value;
                    default -> {
                    }
                }
            }
        }
        return io;
    }

    private static void addV1(List<String> lines, long[] io, int offset) {
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3 && fields[1].equals("Read")) {
                io[offset] += Long.parseLong(fields[2]);
            } else if (fields.length == 3 && fields[1].equals("Write")) {
                io[offset + 1] += Long.parseLong(fields[2]);
            }
        }
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
