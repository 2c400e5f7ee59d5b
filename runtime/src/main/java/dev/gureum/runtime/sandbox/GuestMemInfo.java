package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /proc/meminfo} an instance reads: a host file bind-mounted over it, so {@code free} shows the
 * memory of the instance's type, as on EC2, not the host's. Its numbers come from the instance's memory cgroup
 * (the limit as MemTotal, what the cgroup uses taken from it as MemFree; page cache, shared memory and
 * reclaimable slab as the kernel reports them; no swap, as EC2 instances have none), rewritten in place every
 * {@link SandboxRuntime#GUEST_WATCH} while the instance runs. Every line keeps its length from the first writing
 * on (numbers right-aligned in a width fitted to MemTotal), so a reader never sees a file shorter than the one
 * it started reading.
 */
final class GuestMemInfo {
    private static final String[] FIELDS = {"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached",
            "Active", "Inactive", "Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)", "SwapTotal",
            "SwapFree", "AnonPages", "Shmem", "Slab", "SReclaimable", "SUnreclaim"};

    /** What the instance's cgroup uses, in bytes, by the names of cgroup v2's memory.stat. */
    record Use(long current, Map<String, Long> stat) {
        static final Use NOTHING = new Use(0, Map.of());

        long of(String name) {
            return stat.getOrDefault(name, 0L);
        }
    }

    private GuestMemInfo() {
    }

    /** Writes the file of a booting instance: nothing used yet. */
    static void create(Path file, long limitBytes) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        } catch (IOException e) {
            throw new SandboxException("cannot write " + file + ": " + e.getMessage(), e);
        }
        write(file, limitBytes, Use.NOTHING);
    }

    /** Rewrites the file of a running instance from its cgroup; nothing happens once the cgroup is gone. */
    static void refresh(Path file, String containerId) {
        Path v1 = CgroupPaths.controllerRoot("memory").resolve(CgroupPaths.PARENT).resolve(containerId);
        if (!Files.isRegularFile(file) || !Files.isDirectory(v1)) {
            return;
        }
        boolean v2 = Files.exists(v1.resolve("memory.current"));
        Long limit = number(v1.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"));
        Long current = number(v1.resolve(v2 ? "memory.current" : "memory.usage_in_bytes"));
        if (limit == null || current == null) {
            return;
        }
        Map<String, Long> stat = stat(v1.resolve("memory.stat"));
        write(file, limit, new Use(current, v2 ? stat : fromV1(stat)));
    }

    /** The file's text for a limit and a use; package-private for tests. */
    static String text(long limitBytes, Use use) {
        long total = kib(limitBytes);
        long free = Math.max(0, total - kib(use.current()));
        long cached = kib(use.of("file"));
        long reclaimable = kib(use.of("slab_reclaimable"));
        long available = Math.min(total, free + Math.max(0, cached - kib(use.of("shmem"))) + reclaimable);
        long[] values = {total, free, available, 0, cached, 0,
                kib(use.of("active_anon") + use.of("active_file")), kib(use.of("inactive_anon") + use.of("inactive_file")),
                kib(use.of("active_anon")), kib(use.of("inactive_anon")), kib(use.of("active_file")),
                kib(use.of("inactive_file")), 0, 0, kib(use.of("anon")), kib(use.of("shmem")),
                reclaimable + kib(use.of("slab_unreclaimable")), reclaimable, kib(use.of("slab_unreclaimable"))};
        int width = Math.max(8, Long.toString(total).length());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < FIELDS.length; i++) {
            String label = FIELDS[i] + ":";
            text.append(label).append(" ".repeat(Math.max(1, 16 - label.length())))
                    .append(String.format("%" + width + "d", Math.min(values[i], total))).append(" kB\n");
        }
        return text.toString();
    }

    private static void write(Path file, long limitBytes, Use use) {
        byte[] bytes = text(limitBytes, use).getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            // in place, one write: the file is bind-mounted by inode, so it cannot be replaced by a rename
            channel.write(ByteBuffer.wrap(bytes), 0);
            if (channel.size() > bytes.length) {
                channel.truncate(bytes.length);
            }
        } catch (IOException e) {
            // the instance is going away; the next boot writes the file again
        }
    }

    private static long kib(long bytes) {
        return bytes / 1024;
    }

    /** cgroup v1's memory.stat in v2's names (the instance's own counters, not its descendants'). */
    private static Map<String, Long> fromV1(Map<String, Long> v1) {
        Map<String, Long> v2 = new HashMap<>();
        v2.put("file", v1.getOrDefault("cache", 0L));
        v2.put("anon", v1.getOrDefault("rss", 0L));
        for (String name : List.of("shmem", "active_anon", "inactive_anon", "active_file", "inactive_file")) {
            v2.put(name, v1.getOrDefault(name, 0L));
        }
        return v2;
    }

    private static Map<String, Long> stat(Path file) {
        Map<String, Long> stat = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2 && fields[1].chars().allMatch(Character::isDigit)) {
                    stat.put(fields[0], Long.parseLong(fields[1]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Map.of();
        }
        return stat;
    }

    private static Long number(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.equals("max") ? null : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
