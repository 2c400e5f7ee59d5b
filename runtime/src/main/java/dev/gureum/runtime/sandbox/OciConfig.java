package dev.gureum.runtime.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The OCI runtime configuration (config.json) of one instance, written from scratch: its own mount, pid,
 * uts and ipc namespaces, the network namespace the runtime prepared for it, a writable root (the
 * overlay), the seed directory read-only at {@code /.gureum}, Docker's default capability set (enough for
 * sshd, not for changing the network or loading modules), device access limited to the standard
 * pseudo-devices, the CPU, memory and process limits of its instance type, its own {@code /proc/meminfo}
 * ({@link GuestMemInfo}) and its disks' mounts ({@link InstanceDiskMounts}).
 */
final class OciConfig {
    static final String SEED_MOUNT = "/.gureum";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
            "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
    private static final List<String> MASKED = List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware");
    private static final List<String> READ_ONLY = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    /**
     * What varies per instance; {@code media} is the host directory its disks are mounted in (null: none),
     * {@code scratch} its first instance-store disk's mount there (null: the type has none), {@code memInfo} the
     * file it reads as {@code /proc/meminfo} (null: the host's).
     */
    record Instance(String hostname, Path rootfs, Path seed, Path networkNamespace, String cgroupsPath,
                    InstanceLimits limits, Path media, Path scratch, Path memInfo) {

        Instance(String hostname, Path rootfs, Path seed, Path networkNamespace, String cgroupsPath,
                 InstanceLimits limits) {
            this(hostname, rootfs, seed, networkNamespace, cgroupsPath, limits, null, null, null);
        }
    }

    private OciConfig() {
    }

    static String render(Instance instance) {
        ObjectNode config = JSON.createObjectNode();
        config.put("ociVersion", "1.0.2");
        ObjectNode process = config.putObject("process");
        process.put("terminal", false);
        process.putObject("user").put("uid", 0).put("gid", 0);
        process.putArray("args").add(SEED_MOUNT + "/busybox").add("sh").add(SEED_MOUNT + "/init");
        process.putArray("env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .add("HOME=/root");
        process.put("cwd", "/");
        ObjectNode capabilities = process.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            ArrayNode list = capabilities.putArray(set);
            CAPABILITIES.forEach(list::add);
        }
        process.put("noNewPrivileges", false);
        config.putObject("root").put("path", instance.rootfs().toString()).put("readonly", false);
        config.put("hostname", instance.hostname());
        ArrayNode mounts = config.putArray("mounts");
        mounts(mounts, instance.seed());
        if (instance.memInfo() != null) {
            mount(mounts, "/proc/meminfo", "bind", instance.memInfo().toString(), "bind", "ro", "nosuid", "nodev",
                    "noexec");
        }
        if (instance.media() != null) {
            // a slave of the host's shared media mount: disks mounted there later (AttachVolume) appear inside
            mount(mounts, InstanceDiskMounts.MEDIA, "bind", instance.media().toString(), "rbind", "rslave", "nosuid",
                    "nodev");
        }
        if (instance.scratch() != null) {
            mount(mounts, InstanceDiskMounts.INSTANCE_STORE_MOUNT, "bind", instance.scratch().toString(), "rbind",
                    "nosuid", "nodev");
        }
        ObjectNode linux = config.putObject("linux");
        linux.put("cgroupsPath", instance.cgroupsPath());
        if (instance.media() != null) {
            // crun makes the root rprivate by default, which would cut the media mount off from the host
            linux.put("rootfsPropagation", "rslave");
        }
        resources(linux.putObject("resources"), instance.limits());
        ArrayNode namespaces = linux.putArray("namespaces");
        for (String type : List.of("pid", "ipc", "uts", "mount")) {
            namespaces.addObject().put("type", type);
        }
        namespaces.addObject().put("type", "network").put("path", instance.networkNamespace().toString());
        MASKED.forEach(linux.putArray("maskedPaths")::add);
        READ_ONLY.forEach(linux.putArray("readonlyPaths")::add);
        return config.toPrettyString();
    }

    private static void mounts(ArrayNode mounts, Path seed) {
        mount(mounts, "/proc", "proc", "proc");
        mount(mounts, "/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k");
        mount(mounts, "/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620",
                "gid=5");
        mount(mounts, "/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k");
        mount(mounts, "/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev");
        mount(mounts, "/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro");
        mount(mounts, "/run", "tmpfs", "tmpfs", "nosuid", "nodev", "mode=755", "size=65536k");
        mount(mounts, SEED_MOUNT, "bind", seed.toString(), "rbind", "ro", "nosuid", "nodev");
    }

    private static void mount(ArrayNode mounts, String destination, String type, String source, String... options) {
        ObjectNode mount = mounts.addObject().put("destination", destination).put("type", type).put("source", source);
        if (options.length > 0) {
            ArrayNode list = mount.putArray("options");
            for (String option : options) {
                list.add(option);
            }
        }
    }

    private static void resources(ObjectNode resources, InstanceLimits limits) {
        resources.putArray("devices").addObject().put("allow", false).put("access", "rwm");
        resources.putObject("cpu").put("quota", limits.cpuQuotaMicros()).put("period", InstanceLimits.CPU_PERIOD_MICROS);
        resources.putObject("memory").put("limit", limits.memoryBytes());
        resources.putObject("pids").put("limit", limits.processes());
    }
}
