package dev.gureum.it;

import static dev.gureum.it.DiskFiles.read;
import static dev.gureum.it.DiskFiles.size;
import static dev.gureum.it.DiskFiles.write;
import static dev.gureum.it.Ec2PlatformIT.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMappingSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttributeName;

/**
 * What RunInstances makes of block device mappings, through the real SDK: root volumes from the image's
 * snapshot, overrides and new volumes, DeleteOnTermination both ways, instance store that forgets at stop,
 * CreateSnapshots of an instance and instance store-backed images that cannot stop.
 */
class BlockDevicesIT {
    private static final String OWNER = "000000000000";
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static String debian;

    @BeforeAll
    static void start() {
        server = GureumProcess.start();
        ec2 = Clients.ec2(server.endpoint());
        debian = Ec2PlatformIT.debianImage(ec2);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            server.close();
        }
    }

    @Test
    void aLaunchMakesTheImagesRootVolumeAndTheRequestedOnes() {
        String rootSnapshot = ec2.describeImages(r -> r.imageIds(debian)).images().get(0).blockDeviceMappings().get(0)
                .ebs().snapshotId();
        Instance instance = launch("t3.micro", BlockDeviceMapping.builder().deviceName("/dev/xvda")
                        .ebs(e -> e.volumeSize(20).volumeType("gp3").deleteOnTermination(false)).build(),
                BlockDeviceMapping.builder().deviceName("/dev/sdf").ebs(e -> e.volumeSize(5)).build());
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(instance.instanceId()));

        Map<String, InstanceBlockDeviceMapping> mappings = describe(instance.instanceId()).blockDeviceMappings()
                .stream().collect(Collectors.toMap(InstanceBlockDeviceMapping::deviceName, Function.identity()));
        assertEquals(List.of("/dev/sdf", "/dev/xvda"), mappings.keySet().stream().sorted().toList());
        assertEquals("ebs", describe(instance.instanceId()).rootDeviceTypeAsString());
        assertFalse(mappings.get("/dev/xvda").ebs().deleteOnTermination());
        assertTrue(mappings.get("/dev/sdf").ebs().deleteOnTermination());

        Volume root = volume(mappings.get("/dev/xvda").ebs().volumeId());
        assertEquals(List.of("20", "gp3", rootSnapshot, "in-use", "attached", instance.placement().availabilityZone()),
                List.of(String.valueOf(root.size()), root.volumeTypeAsString(), root.snapshotId(), root.stateAsString(),
                        root.attachments().get(0).stateAsString(), root.availabilityZone()));
        assertFalse(Files.exists(volumeFile(root.volumeId())), "a copy of a public image's snapshot, which has no"
                + " bytes here, keeps none until written: it reads as zeros");
        Volume data = volume(mappings.get("/dev/sdf").ebs().volumeId());
        assertEquals(List.of("5", "gp2", ""), List.of(String.valueOf(data.size()), data.volumeTypeAsString(),
                data.snapshotId()));
    }

    @Test
    void badMappingsAreRefusedWithEc2sErrors() {
        var tooSmall = assertError(400, "InvalidBlockDeviceMapping", () -> launch("t3.micro",
                BlockDeviceMapping.builder().deviceName("/dev/xvda").ebs(e -> e.volumeSize(2)).build()));
        assertTrue(tooSmall.awsErrorDetails().errorMessage().matches(
                "Volume of size 2GB is smaller than  snapshot 'snap-[0-9a-f]{17}', expect size >= 8GB"),
                tooSmall.awsErrorDetails().errorMessage());
        assertError(400, "InvalidParameterCombination", () -> launch("t3.micro", BlockDeviceMapping.builder()
                .deviceName("/dev/xvda").ebs(e -> e.volumeType("st1").volumeSize(500)).build()));
        assertError(400, "InvalidSnapshot.NotFound", () -> launch("t3.micro", BlockDeviceMapping.builder()
                .deviceName("/dev/sdg").ebs(e -> e.snapshotId("snap-00000000000000000")).build()));
        assertError(400, "InvalidBlockDeviceMapping", () -> launch("t3.micro",
                BlockDeviceMapping.builder().deviceName("/dev/sdg").ebs(e -> e.volumeSize(1)).build(),
                BlockDeviceMapping.builder().deviceName("/dev/sdg").ebs(e -> e.volumeSize(2)).build()));
        assertError(400, "InvalidBlockDeviceMapping", () -> launch("t3.micro", BlockDeviceMapping.builder()
                .deviceName("/dev/xvda").noDevice("").build()));
        assertTrue(ec2.describeInstances(r -> r.filters(Filter.builder().name("instance-state-name")
                .values("pending").build())).reservations().isEmpty(), "a refused launch leaves nothing behind");
    }

    @Test
    void deleteOnTerminationDecidesWhichVolumesOutliveTheirInstance() {
        Instance kept = launch("t3.micro");
        Instance dropped = launch("t3.micro");
        String keptRoot = rootVolume(kept.instanceId());
        String droppedRoot = rootVolume(dropped.instanceId());
        ec2.modifyInstanceAttribute(r -> r.instanceId(kept.instanceId()).blockDeviceMappings(
                InstanceBlockDeviceMappingSpecification.builder().deviceName("/dev/xvda")
                        .ebs(e -> e.deleteOnTermination(false)).build()));
        assertFalse(ec2.describeInstanceAttribute(r -> r.instanceId(kept.instanceId())
                .attribute(InstanceAttributeName.BLOCK_DEVICE_MAPPING)).blockDeviceMappings().get(0).ebs()
                .deleteOnTermination());
        assertError(400, "InvalidParameterValue", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(kept.instanceId())
                .blockDeviceMappings(InstanceBlockDeviceMappingSpecification.builder().deviceName("/dev/sdz")
                        .ebs(e -> e.deleteOnTermination(false)).build())));

        byte[] written = "written by the instance".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(volumeFile(keptRoot), 4096, written);
        write(volumeFile(droppedRoot), 4096, written);
        String attached = ec2.createVolume(r -> r.availabilityZone(kept.placement().availabilityZone()).size(1))
                .volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(attached));
        ec2.attachVolume(r -> r.volumeId(attached).instanceId(kept.instanceId()).device("/dev/sdh"));
        ec2.waiter().waitUntilVolumeInUse(r -> r.volumeIds(attached));

        ec2.terminateInstances(r -> r.instanceIds(kept.instanceId(), dropped.instanceId()));
        ec2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(kept.instanceId(), dropped.instanceId()));
        assertEquals("available", volume(keptRoot).stateAsString(), "DeleteOnTermination false: the root stays");
        assertEquals("available", volume(attached).stateAsString(), "attached later: detached, not deleted");
        ec2.waiter().waitUntilVolumeDeleted(r -> r.volumeIds(droppedRoot));
        assertError(400, "InvalidVolume.NotFound", () -> ec2.describeVolumes(r -> r.volumeIds(droppedRoot)));
        assertFalse(Files.exists(volumeFile(droppedRoot)), "its bytes are freed");
        assertArrayEquals(written, read(volumeFile(keptRoot), 4096, written.length), "the kept root keeps its bytes");
    }

    @Test
    void instanceStoreIsEmptyAfterEveryStopAndStart() {
        Instance instance = launch("m5d.large");
        String id = instance.instanceId();
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id));
        Path disk = server.dataDirectory().resolve("instance-store/" + OWNER + "/us-east-1/" + id + "-ephemeral0.img");
        assertEquals(75_000_000_000L, size(disk), "m5d.large: one 75 GB NVMe disk");
        byte[] scratch = "scratch data".getBytes(StandardCharsets.UTF_8);
        write(disk, 4096, scratch);
        assertArrayEquals(scratch, read(disk, 4096, scratch.length));

        ec2.stopInstances(r -> r.instanceIds(id));
        ec2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(id));
        assertFalse(Files.exists(disk), "a stopped instance has no instance store");
        ec2.startInstances(r -> r.instanceIds(id));
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id));
        assertArrayEquals(new byte[scratch.length], read(disk, 4096, scratch.length), "empty again after a start");

        Instance ebsOnly = launch("t3.micro");
        assertFalse(Files.exists(server.dataDirectory().resolve("instance-store/" + OWNER + "/us-east-1/"
                + ebsOnly.instanceId() + "-ephemeral0.img")), "t3.micro has no instance store");
        ec2.terminateInstances(r -> r.instanceIds(id));
        ec2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(id));
        assertFalse(Files.exists(disk));
    }

    @Test
    void createSnapshotsTakesEveryVolumeOfAnInstanceOrAllButTheBootVolume() {
        Instance instance = launch("t3.micro", BlockDeviceMapping.builder().deviceName("/dev/sdf")
                .ebs(e -> e.volumeSize(3)).build());
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(instance.instanceId()));
        var all = ec2.createSnapshots(r -> r.instanceSpecification(s -> s.instanceId(instance.instanceId()))
                .description("nightly")).snapshots();
        assertEquals(2, all.size());
        assertTrue(all.stream().allMatch(snapshot -> "nightly".equals(snapshot.description())));
        var dataOnly = ec2.createSnapshots(r -> r.instanceSpecification(s -> s.instanceId(instance.instanceId())
                .excludeBootVolume(true))).snapshots();
        assertEquals(List.of(3), dataOnly.stream().map(snapshot -> snapshot.volumeSize()).toList());
        ec2.waiter().waitUntilSnapshotCompleted(r -> r.snapshotIds(dataOnly.get(0).snapshotId()));
        assertError(400, "InvalidInstanceID.NotFound", () -> ec2.createSnapshots(r -> r.instanceSpecification(s -> s
                .instanceId("i-0123456789abcdef0"))));
    }

    @Test
    void anInstanceStoreBackedImageLaunchesButCannotStop() {
        String imageId = ec2.registerImage(r -> r.name("instance-store-image").architecture("x86_64")
                .imageLocation("my-bucket/image.manifest.xml").rootDeviceName("/dev/sda1")
                .blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/sda1").virtualName("ephemeral0")
                        .build())).imageId();
        assertEquals("instance-store", ec2.describeImages(r -> r.imageIds(imageId)).images().get(0)
                .rootDeviceTypeAsString());
        String id = ec2.runInstances(r -> r.imageId(imageId).instanceType("m5d.large").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id));
        Instance instance = describe(id);
        assertEquals("instance-store", instance.rootDeviceTypeAsString());
        assertTrue(instance.blockDeviceMappings().isEmpty());
        var refused = assertError(400, "UnsupportedOperation", () -> ec2.stopInstances(r -> r.instanceIds(id)));
        assertEquals("The instance '" + id + "' does not have an 'ebs' root device type and cannot be stopped.",
                refused.awsErrorDetails().errorMessage());
        ec2.terminateInstances(r -> r.instanceIds(id));
    }

    @Test
    void autoEnableIoIsAVolumeAttribute() {
        String id = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
        assertFalse(ec2.describeVolumeAttribute(r -> r.volumeId(id).attribute(VolumeAttributeName.AUTO_ENABLE_IO))
                .autoEnableIO().value());
        ec2.modifyVolumeAttribute(r -> r.volumeId(id).autoEnableIO(v -> v.value(true)));
        assertTrue(ec2.describeVolumeAttribute(r -> r.volumeId(id).attribute(VolumeAttributeName.AUTO_ENABLE_IO))
                .autoEnableIO().value());
        assertTrue(ec2.describeVolumeAttribute(r -> r.volumeId(id).attribute(VolumeAttributeName.PRODUCT_CODES))
                .productCodes().isEmpty());
        assertError(400, "InvalidVolume.NotFound", () -> ec2.modifyVolumeAttribute(r -> r
                .volumeId("vol-00000000000000000").autoEnableIO(v -> v.value(true))));
    }

    private static Instance launch(String type, BlockDeviceMapping... mappings) {
        return ec2.runInstances(r -> r.imageId(debian).instanceType(type).minCount(1).maxCount(1)
                .blockDeviceMappings(mappings)).instances().get(0);
    }

    private static Instance describe(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    private static String rootVolume(String instanceId) {
        return describe(instanceId).blockDeviceMappings().stream()
                .filter(mapping -> mapping.deviceName().equals("/dev/xvda")).findFirst().orElseThrow().ebs().volumeId();
    }

    private static Volume volume(String id) {
        return ec2.describeVolumes(r -> r.volumeIds(id)).volumes().get(0);
    }

    private static Path volumeFile(String volumeId) {
        return server.dataDirectory().resolve("volumes/" + OWNER + "/us-east-1/" + volumeId + ".img");
    }
}
