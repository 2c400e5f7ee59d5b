package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The sandbox refuses at RunInstances and StartInstances what its host cannot hold: it admits instances while
 * their vCPUs stay within 4 times this host's CPUs (and their memory within 1.5 times its memory), so a c5
 * type of half that many vCPUs fits twice and no more. Refused launches never boot, so this costs two tiny
 * instances and one restart. Runs as root where the sandbox runs; skipped elsewhere.
 */
class SandboxCapacityIT {
    /** c5 types by vCPUs; each has 2 GiB of memory per vCPU. */
    private static final Map<Integer, String> C5_BY_VCPUS = Map.of(2, "c5.large", 4, "c5.xlarge", 8, "c5.2xlarge",
            16, "c5.4xlarge");

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
    }

    @Test
    void launchesPastTheHostAreRefusedSynchronouslyMaxCountIsCutAndAStartWithoutRoomIsRefused() {
        int cpus = Runtime.getRuntime().availableProcessors();
        String half = C5_BY_VCPUS.get(2 * cpus);
        assumeTrue(half != null, "no c5 type has " + 2 * cpus + " vCPUs");
        assumeTrue(4L * cpus * 2048 * 1024 * 1024 <= 1.5 * totalMemoryBytes(), "memory would bind first");
        List<String> ids = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox")) {
            try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
                String image = SandboxInstances.tinyImage(ec2);

                Ec2Exception tooBig = Ec2PlatformIT.assertError(500, "InsufficientInstanceCapacity",
                        () -> ec2.runInstances(r -> r.imageId(image).instanceType("c5.24xlarge").minCount(1).maxCount(1)));
                assertTrue(tooBig.awsErrorDetails().errorMessage().startsWith(
                        "We currently do not have sufficient c5.24xlarge capacity in the Availability Zone you requested ("),
                        tooBig.awsErrorDetails().errorMessage());
                assertEquals(0, ec2.describeInstances(r -> r.filters(Filter.builder().name("instance-type")
                        .values("c5.24xlarge").build())).reservations().size(), "a refused launch records nothing");

                List<Instance> two = ec2.runInstances(r -> r.imageId(image).instanceType(half).minCount(1).maxCount(3))
                        .instances();
                assertEquals(2, two.size(), "MaxCount 3 is cut to the 2 the host holds");
                record(ec2, two, ids, blocks);
                two.forEach(instance -> SandboxInstances.awaitState(ec2, instance.instanceId(), "running"));
                Ec2PlatformIT.assertError(500, "InsufficientInstanceCapacity",
                        () -> ec2.runInstances(r -> r.imageId(image).instanceType(half).minCount(1).maxCount(1)));

                String stopped = two.get(0).instanceId();
                ec2.stopInstances(r -> r.instanceIds(stopped));
                SandboxInstances.awaitState(ec2, stopped, "stopped");
                List<Instance> taker = ec2.runInstances(r -> r.imageId(image).instanceType(half).minCount(1)
                        .maxCount(1)).instances();
                record(ec2, taker, ids, blocks);
                Ec2PlatformIT.assertError(500, "InsufficientInstanceCapacity",
                        () -> ec2.startInstances(r -> r.instanceIds(stopped)));
                assertEquals("stopped", SandboxInstances.state(ec2, stopped));

                ec2.terminateInstances(r -> r.instanceIds(taker.get(0).instanceId()));
                SandboxInstances.awaitState(ec2, taker.get(0).instanceId(), "terminated");
                ec2.startInstances(r -> r.instanceIds(stopped));
                SandboxInstances.awaitState(ec2, stopped, "running");
            }
            server.stop();
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), ids, blocks), "after shutdown");
            assertEquals(List.of(), HostLeftovers.publicNetwork(), "after shutdown");
        }
    }

    private static long totalMemoryBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no MemTotal in /proc/meminfo");
    }

    private static void record(Ec2Client ec2, List<Instance> instances, List<String> ids, List<String> blocks) {
        for (Instance instance : instances) {
            ids.add(instance.instanceId());
            ids.add(instance.vpcId());
            blocks.add(ec2.describeSubnets(r -> r.subnetIds(instance.subnetId())).subnets().get(0).cidrBlock());
        }
    }
}
