package dev.gureum.it;

import static dev.gureum.it.DiskFiles.size;
import static dev.gureum.it.Ec2PlatformIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * EBS volumes through the real SDK (with its volumeAvailable waiter) and the real CLI: each type held to
 * the sizes, IOPS and throughput AWS publishes, and each volume backed by a file of its size.
 */
class VolumesIT {
    private static GureumProcess server;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        server = GureumProcess.start();
        ec2 = Clients.ec2(server.endpoint());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            server.close();
        }
    }

    @Test
    void aVolumeIsCreatedDescribedAndDeleted() {
        var created = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8).volumeType(VolumeType.GP3)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VOLUME)
                        .tags(t -> t.key("Name").value("data")).build()));
        assertEquals("creating", created.stateAsString());
        assertEquals(3000, created.iops(), "gp3's baseline");
        assertEquals(125, created.throughput());
        assertEquals("", created.snapshotId());
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(created.volumeId()));
        Volume volume = ec2.describeVolumes(r -> r.filters(Filter.builder().name("tag:Name").values("data").build()))
                .volumes().get(0);
        assertEquals("available", volume.stateAsString());
        assertEquals(8, volume.size());
        Path file = server.dataDirectory().resolve("volumes/000000000000/us-east-1/" + created.volumeId() + ".img");
        assertEquals(8L << 30, size(file), "the volume's bytes: a sparse file of its size");

        var status = ec2.describeVolumeStatus(r -> r.volumeIds(created.volumeId())).volumeStatuses().get(0);
        assertEquals("ok", status.volumeStatus().statusAsString());
        assertEquals("io-enabled passed", status.volumeStatus().details().get(0).nameAsString() + " "
                + status.volumeStatus().details().get(0).status());
        assertFalse(ec2.describeVolumeStatus(r -> r.maxResults(1000)).volumeStatuses().isEmpty(),
                "DescribeVolumeStatus pages by up to 1,000");
        assertFalse(ec2.describeVolumeStatus(r -> r.maxResults(5000)).volumeStatuses().isEmpty(),
                "a larger MaxResults asks for 1,000");
        assertError(400, "InvalidParameterCombination", () -> ec2.describeVolumeStatus(r -> r
                .volumeIds(created.volumeId()).maxResults(5)));

        ec2.deleteVolume(r -> r.volumeId(created.volumeId()));
        assertFalse(Files.exists(file), "deleting a volume frees its bytes");
        assertError(400, "InvalidVolume.NotFound", () -> ec2.describeVolumes(r -> r.volumeIds(created.volumeId())));
        assertError(400, "InvalidVolume.NotFound", () -> ec2.deleteVolume(r -> r.volumeId(created.volumeId())));
        assertError(400, "InvalidVolume.Malformed", () -> ec2.deleteVolume(r -> r.volumeId("vol-x")));
    }


    @Test
    void eachTypeKeepsToItsLimits() {
        assertEquals(300, ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(100)).iops(),
                "gp2 (the default type) shows its baseline of 3 IOPS per GiB");
        assertError(400, "InvalidParameterCombination", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(100).volumeType(VolumeType.GP2).iops(500)));
        assertError(400, "InvalidParameterCombination", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(100).volumeType(VolumeType.IO2)));
        assertError(400, "InvalidParameterValue", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(10).volumeType(VolumeType.IO1).iops(1000)));
        assertError(400, "InvalidParameterValue", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(10).volumeType(VolumeType.GP3).iops(6000)));
        assertError(400, "InvalidParameterValue", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(100).volumeType(VolumeType.ST1)));
        assertError(400, "InvalidParameterCombination", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(200).volumeType(VolumeType.ST1).throughput(200)));
        assertError(400, "InvalidParameterValue", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(100).volumeType(VolumeType.GP3).throughput(1000)));
        assertError(400, "InvalidParameterValue", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1z").size(8)));
        assertError(400, "MissingParameter", () -> ec2.createVolume(r -> r.size(8)));
        assertError(400, "InvalidParameterDependency", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(8).kmsKeyId("alias/mine")));

        var provisioned = ec2.createVolume(r -> r.availabilityZone("us-east-1b").size(100).volumeType(VolumeType.IO2)
                .iops(50_000).multiAttachEnabled(true).encrypted(true));
        assertTrue(provisioned.multiAttachEnabled());
        assertTrue(provisioned.kmsKeyId().startsWith("arn:aws:kms:us-east-1:000000000000:key/"),
                "the account's default EBS key, as an ARN");
        assertEquals(List.of(provisioned.volumeId()), ec2.describeVolumes(r -> r.filters(
                Filter.builder().name("volume-type").values("io2").build())).volumes().stream()
                .map(Volume::volumeId).toList());
    }

    @Test
    void volumesAttachAndDetachAsEbsDoes() {
        String image = Ec2PlatformIT.debianImage(ec2);
        List<String> instances = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(2).maxCount(2)
                .placement(p -> p.availabilityZone("us-east-1a"))).instances().stream()
                .map(software.amazon.awssdk.services.ec2.model.Instance::instanceId).toList();
        String first = instances.get(0);
        String volume = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
        String elsewhere = ec2.createVolume(r -> r.availabilityZone("us-east-1b").size(8)).volumeId();
        String second = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(volume, elsewhere, second));

        assertEquals("attaching", ec2.attachVolume(r -> r.volumeId(volume).instanceId(first).device("/dev/sdf"))
                .stateAsString());
        ec2.waiter().waitUntilVolumeInUse(r -> r.volumeIds(volume));
        Volume attached = ec2.describeVolumes(r -> r.volumeIds(volume)).volumes().get(0);
        assertEquals("in-use", attached.stateAsString());
        assertEquals(first + " /dev/sdf attached", attached.attachments().get(0).instanceId() + " "
                + attached.attachments().get(0).device() + " " + attached.attachments().get(0).stateAsString());
        assertError(400, "InvalidParameterValue",
                () -> ec2.attachVolume(r -> r.volumeId(second).instanceId(first).device("/dev/sdf")));
        assertError(400, "InvalidParameterValue",
                () -> ec2.attachVolume(r -> r.volumeId(second).instanceId(first).device("/dev/xvda")));
        assertError(400, "InvalidParameterValue",
                () -> ec2.attachVolume(r -> r.volumeId(second).instanceId(first).device("/dev/sdg1")));
        assertError(400, "InvalidParameterValue",
                () -> ec2.attachVolume(r -> r.volumeId(second).instanceId(first).device("xvdh")));
        String windowsImage = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("platform")
                .values("windows"))).images().get(0).imageId();
        String windows = ec2.runInstances(r -> r.imageId(windowsImage).instanceType("t3.micro").minCount(1)
                .maxCount(1).placement(p -> p.availabilityZone("us-east-1a"))).instances().get(0).instanceId();
        String forWindows = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(forWindows));
        assertEquals("xvdh", ec2.attachVolume(r -> r.volumeId(forWindows).instanceId(windows).device("xvdh")).device(),
                "a Windows instance's volumes may be named xvdf and the like");
        ec2.terminateInstances(r -> r.instanceIds(windows));
        assertError(400, "InvalidParameterCombination", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .availabilityZoneId("use1-az1").size(1)));
        assertError(400, "InvalidVolume.ZoneMismatch",
                () -> ec2.attachVolume(r -> r.volumeId(elsewhere).instanceId(first).device("/dev/sdg")));
        assertError(400, "VolumeInUse",
                () -> ec2.attachVolume(r -> r.volumeId(volume).instanceId(instances.get(1)).device("/dev/sdf")));
        assertError(400, "VolumeInUse", () -> ec2.deleteVolume(r -> r.volumeId(volume)));

        assertEquals("detaching", ec2.detachVolume(r -> r.volumeId(volume)).stateAsString());
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(volume));
        assertError(400, "IncorrectState", () -> ec2.detachVolume(r -> r.volumeId(volume)));

        String shared = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(10).volumeType(VolumeType.IO2)
                .iops(1000).multiAttachEnabled(true)).volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(shared));
        instances.forEach(id -> ec2.attachVolume(r -> r.volumeId(shared).instanceId(id).device("/dev/sdh")));
        assertEquals(2, ec2.describeVolumes(r -> r.volumeIds(shared)).volumes().get(0).attachments().size());
        assertError(400, "MissingParameter", () -> ec2.detachVolume(r -> r.volumeId(shared)));

        ec2.attachVolume(r -> r.volumeId(second).instanceId(first).device("/dev/sdg"));
        ec2.terminateInstances(r -> r.instanceIds(first));
        assertEquals("available", ec2.describeVolumes(r -> r.volumeIds(second)).volumes().get(0).stateAsString(),
                "a terminated instance lets go of its volumes");
        assertEquals(1, ec2.describeVolumes(r -> r.volumeIds(shared)).volumes().get(0).attachments().size());
    }

    @Test
    void aVolumeGrowsAndChangesTypeButNeverShrinks() {
        String id = ec2.createVolume(r -> r.availabilityZone("us-east-1d").size(8).volumeType(VolumeType.GP2))
                .volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(id));
        var modification = ec2.modifyVolume(r -> r.volumeId(id).size(200).volumeType(VolumeType.GP3).iops(6000)
                .throughput(500)).volumeModification();
        assertEquals("modifying", modification.modificationStateAsString());
        assertEquals("8 gp2 200 gp3 6000 500", modification.originalSize() + " " + modification.originalVolumeTypeAsString()
                + " " + modification.targetSize() + " " + modification.targetVolumeTypeAsString() + " "
                + modification.targetIops() + " " + modification.targetThroughput());
        Volume grown = ec2.describeVolumes(r -> r.volumeIds(id)).volumes().get(0);
        assertEquals("200 gp3 6000 500", grown.size() + " " + grown.volumeTypeAsString() + " " + grown.iops() + " "
                + grown.throughput());
        Path file = server.dataDirectory().resolve("volumes/000000000000/us-east-1/" + id + ".img");
        assertEquals(200L << 30, size(file), "the bytes grew with the volume");
        String state = ec2.describeVolumesModifications(r -> r.volumeIds(id)).volumesModifications().get(0)
                .modificationStateAsString();
        assertTrue(List.of("optimizing", "completed").contains(state), state);
        if (state.equals("optimizing")) {
            assertError(400, "IncorrectModificationState", () -> ec2.modifyVolume(r -> r.volumeId(id).size(300)));
        }
        String other = ec2.createVolume(r -> r.availabilityZone("us-east-1d").size(50).clientToken("fifty"))
                .volumeId();
        assertEquals(other, ec2.createVolume(r -> r.availabilityZone("us-east-1d").size(50).clientToken("fifty"))
                .volumeId(), "a retry with the same client token answers the same volume");
        assertError(400, "IdempotentParameterMismatch", () -> ec2.createVolume(r -> r.availabilityZone("us-east-1d")
                .size(60).clientToken("fifty")));
        assertError(400, "InvalidVolumeModification.NotFound",
                () -> ec2.describeVolumesModifications(r -> r.volumeIds(other)));
        ec2.enableVolumeIO(r -> r.volumeId(other));
        assertError(400, "InvalidVolume.NotFound", () -> ec2.enableVolumeIO(r -> r.volumeId("vol-0123456789abcdef0")));
        assertError(400, "InvalidParameterValue", () -> ec2.modifyVolume(r -> r.volumeId(other).size(40)));
        assertError(400, "InvalidParameterValue", () -> ec2.modifyVolume(r -> r.volumeId(other)));
    }

    @Test
    void theCliSeesTheSameVolumes() {
        assumeTrue(AwsCli.installed(), "the aws CLI (Debian package awscli) is not installed");
        AwsCli aws = new AwsCli(server.endpoint());
        String id = aws.text("ec2", "create-volume", "--availability-zone", "us-east-1c", "--size", "20",
                "--volume-type", "gp3", "--query", "VolumeId");
        aws.text("ec2", "wait", "volume-available", "--volume-ids", id);
        assertEquals("20\tgp3\tavailable", aws.text("ec2", "describe-volumes", "--volume-ids", id, "--query",
                "Volumes[0].[Size,VolumeType,State]"));
        aws.assertServerError("InvalidParameterValue", "ec2", "create-volume", "--availability-zone", "us-east-1c",
                "--size", "70000", "--volume-type", "gp3");
        aws.text("ec2", "delete-volume", "--volume-id", id);
    }
}
