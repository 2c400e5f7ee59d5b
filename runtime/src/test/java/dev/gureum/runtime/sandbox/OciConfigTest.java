package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OciConfigTest {
    private static final HostCapacity HOST = new HostCapacity(2, 4L << 30);

    private static JsonNode render(int vcpus, long memoryMebibytes) throws Exception {
        return new ObjectMapper().readTree(OciConfig.render(new OciConfig.Instance("ip-10-0-1-4", Path.of("/d/rootfs"),
                Path.of("/d/seed"), Path.of("/run/netns/gureum-i-1"), "/gureum/i-1",
                InstanceLimits.of(vcpus, memoryMebibytes, HOST))));
    }

    @Test
    void theInstanceGetsItsOwnNamespacesAndJoinsThePreparedNetwork() throws Exception {
        JsonNode config = render(1, 512);
        List<String> types = new ArrayList<>();
        config.path("linux").path("namespaces").forEach(namespace -> types.add(namespace.path("type").asText()));
        assertEquals(List.of("pid", "ipc", "uts", "mount", "network"), types);
        assertEquals("/run/netns/gureum-i-1", config.path("linux").path("namespaces").get(4).path("path").asText());
        assertEquals("ip-10-0-1-4", config.path("hostname").asText());
        assertEquals("/gureum/i-1", config.path("linux").path("cgroupsPath").asText());
        assertEquals("/.gureum/busybox", config.path("process").path("args").get(0).asText());
    }

    @Test
    void theSeedIsReadOnlyAndNoCapabilityReachesTheHost() throws Exception {
        JsonNode config = render(1, 512);
        JsonNode seed = null;
        for (JsonNode mount : config.path("mounts")) {
            if (mount.path("destination").asText().equals("/.gureum")) {
                seed = mount;
            }
        }
        assertEquals("/d/seed", seed.path("source").asText());
        assertTrue(seed.path("options").toString().contains("\"ro\""));
        String capabilities = config.path("process").path("capabilities").toString();
        for (String dangerous : List.of("CAP_SYS_ADMIN", "CAP_NET_ADMIN", "CAP_SYS_MODULE", "CAP_SYS_PTRACE",
                "CAP_SYS_RAWIO")) {
            assertFalse(capabilities.contains(dangerous), dangerous);
        }
        assertEquals("{\"allow\":false,\"access\":\"rwm\"}",
                config.path("linux").path("resources").path("devices").get(0).toString());
    }

    @Test
    void limitsFollowTheTypeCappedToTheHost() throws Exception {
        JsonNode small = render(1, 512).path("linux").path("resources");
        assertEquals(100_000, small.path("cpu").path("quota").asLong());
        assertEquals(100_000, small.path("cpu").path("period").asLong());
        assertEquals(512L << 20, small.path("memory").path("limit").asLong());
        JsonNode huge = render(96, 786_432).path("linux").path("resources");
        assertEquals(200_000, huge.path("cpu").path("quota").asLong(), "two host CPUs at most");
        assertEquals(4L << 30, huge.path("memory").path("limit").asLong(), "the host's memory at most");
        assertEquals(InstanceLimits.PROCESSES, huge.path("pids").path("limit").asLong());
    }

    @Test
    void disksAppearUnderMediaAsASlaveOfTheHostAndTheFirstInstanceStoreAtMnt() throws Exception {
        JsonNode config = new ObjectMapper().readTree(OciConfig.render(new OciConfig.Instance("ip-10-0-1-4",
                Path.of("/d/rootfs"), Path.of("/d/seed"), Path.of("/run/netns/gureum-i-1"), "/gureum/i-1",
                InstanceLimits.of(1, 512, HOST), Path.of("/d/media"), Path.of("/d/media/ephemeral0"),
                Path.of("/d/meminfo"))));
        List<String> mounts = new ArrayList<>();
        config.path("mounts").forEach(mount -> mounts.add(mount.path("destination").asText() + " "
                + mount.path("source").asText() + " " + mount.path("options")));
        assertTrue(mounts.contains("/media /d/media [\"rbind\",\"rslave\",\"nosuid\",\"nodev\"]"), mounts.toString());
        assertTrue(mounts.contains("/mnt /d/media/ephemeral0 [\"rbind\",\"nosuid\",\"nodev\"]"), mounts.toString());
        assertTrue(mounts.contains("/proc/meminfo /d/meminfo [\"bind\",\"ro\",\"nosuid\",\"nodev\",\"noexec\"]"),
                mounts.toString());
        List<String> destinations = mounts.stream().map(mount -> mount.split(" ")[0]).toList();
        assertTrue(destinations.indexOf("/proc") >= 0
                && destinations.indexOf("/proc") < destinations.indexOf("/proc/meminfo"),
                "over the instance's own /proc: " + mounts);
        assertEquals("rslave", config.path("linux").path("rootfsPropagation").asText(),
                "crun's default rprivate root would cut /media off from the host");
        assertTrue(render(1, 512).path("linux").path("rootfsPropagation").isMissingNode());
    }
}
