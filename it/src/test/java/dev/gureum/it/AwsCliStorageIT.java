package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The storage story of the seed typed into the real aws CLI: a volume attached and waited for, a snapshot
 * waited for and restored byte for byte in another zone, shared with another account, copied to another
 * region, root volumes sized and kept by block device mappings, and the errors the CLI prints.
 */
class AwsCliStorageIT {
    private static final String OTHER_ACCOUNT = "111111111111";
    private static GureumProcess server;
    private static AwsCli aws;
    private static Ec2Client ec2;
    private static String debian;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        server = GureumProcess.start("--auth", "any");
        aws = new AwsCli(server.endpoint());
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
    void aVolumeIsAttachedSnapshottedAndRestoredInAnotherZone() {
        String instance = aws.text("ec2", "run-instances", "--image-id", debian, "--instance-type", "t3.micro",
                "--placement", "AvailabilityZone=us-east-1a", "--query", "Instances[0].InstanceId");
        aws.text("ec2", "wait", "instance-running", "--instance-ids", instance);
        String volume = aws.text("ec2", "create-volume", "--availability-zone", "us-east-1a", "--size", "8",
                "--volume-type", "gp3", "--tag-specifications", "ResourceType=volume,Tags=[{Key=Name,Value=data}]",
                "--query", "VolumeId");
        assertEquals("attaching", aws.text("ec2", "attach-volume", "--volume-id", volume, "--instance-id", instance,
                "--device", "/dev/sdf", "--query", "State"));
        aws.text("ec2", "wait", "volume-in-use", "--volume-ids", volume);
        byte[] written = "bytes the instance wrote to /dev/sdf".getBytes(StandardCharsets.UTF_8);
        DiskFiles.write(file("volumes", volume), 7 << 20, written);

        String snapshot = aws.text("ec2", "create-snapshot", "--volume-id", volume, "--description", "data backup",
                "--query", "SnapshotId");
        aws.text("ec2", "wait", "snapshot-completed", "--snapshot-ids", snapshot);
        assertEquals("completed\t100%\t" + volume, aws.text("ec2", "describe-snapshots", "--owner-ids", "self",
                "--snapshot-ids", snapshot, "--query", "Snapshots[0].[State,Progress,VolumeId]"));
        String restored = aws.text("ec2", "create-volume", "--snapshot-id", snapshot, "--availability-zone",
                "us-east-1b", "--query", "VolumeId");
        aws.text("ec2", "wait", "volume-available", "--volume-ids", restored);
        assertArrayEquals(written, DiskFiles.read(file("volumes", restored), 7 << 20, written.length));
        String zoneB = aws.text("ec2", "describe-availability-zones", "--zone-names", "us-east-1b", "--query",
                "AvailabilityZones[0].ZoneId");
        assertEquals(restored, aws.text("ec2", "describe-volumes", "--volume-ids", volume, restored, "--filters",
                "Name=availability-zone-id,Values=" + zoneB, "--query", "Volumes[0].VolumeId"));

        aws.assertServerErrors(List.of(
                List.of("VolumeInUse", "ec2", "delete-volume", "--volume-id", volume),
                List.of("InvalidVolume.ZoneMismatch", "ec2", "attach-volume", "--volume-id", restored,
                        "--instance-id", instance, "--device", "/dev/sdg"),
                List.of("InvalidParameterValue", "ec2", "create-volume", "--snapshot-id", snapshot,
                        "--availability-zone", "us-east-1a", "--size", "2"),
                List.of("InvalidSnapshot.NotFound", "ec2", "delete-snapshot", "--snapshot-id",
                        "snap-00000000000000000"),
                List.of("InvalidParameterValue", "ec2", "create-volume", "--availability-zone", "us-east-1a",
                        "--size", "20000", "--volume-type", "gp2")));

        assertEquals("detaching", aws.text("ec2", "detach-volume", "--volume-id", volume, "--query", "State"));
        aws.text("ec2", "wait", "volume-available", "--volume-ids", volume);
    }

    @Test
    void aSnapshotIsSharedWithAnotherAccountAndCopiedToAnotherRegion() {
        String volume = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(volume));
        String snapshot = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
        aws.text("ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot, "--attribute",
                "createVolumePermission", "--operation-type", "add", "--user-ids", OTHER_ACCOUNT);
        assertEquals(OTHER_ACCOUNT, aws.text("ec2", "describe-snapshot-attribute", "--snapshot-id", snapshot,
                "--attribute", "createVolumePermission", "--query", "CreateVolumePermissions[0].UserId"));
        AwsCli other = new AwsCli(server.endpoint(), OTHER_ACCOUNT, "any-secret");
        assertEquals(snapshot, other.text("ec2", "describe-snapshots", "--restorable-by-user-ids", "self", "--query",
                "Snapshots[0].SnapshotId"));

        String copy = aws.text("ec2", "copy-snapshot", "--region", "eu-west-1", "--source-region", "us-east-1",
                "--source-snapshot-id", snapshot, "--description", "in Ireland", "--query", "SnapshotId");
        aws.text("ec2", "wait", "snapshot-completed", "--region", "eu-west-1", "--snapshot-ids", copy);
        assertEquals("in Ireland", aws.text("ec2", "describe-snapshots", "--region", "eu-west-1", "--snapshot-ids",
                copy, "--query", "Snapshots[0].Description"));
        aws.text("ec2", "reset-snapshot-attribute", "--snapshot-id", snapshot, "--attribute", "createVolumePermission");
        assertEquals("", other.text("ec2", "describe-snapshots", "--restorable-by-user-ids", "self", "--query",
                "Snapshots[].SnapshotId"));
    }

    @Test
    void blockDeviceMappingsSizeAndKeepTheRootVolume() {
        String instance = aws.text("ec2", "run-instances", "--image-id", debian, "--instance-type", "t3.micro",
                "--block-device-mappings",
                "[{\"DeviceName\":\"/dev/xvda\",\"Ebs\":{\"VolumeSize\":20,\"DeleteOnTermination\":false}}]",
                "--query", "Instances[0].InstanceId");
        aws.text("ec2", "wait", "instance-running", "--instance-ids", instance);
        String root = aws.text("ec2", "describe-instances", "--instance-ids", instance, "--query",
                "Reservations[0].Instances[0].BlockDeviceMappings[0].Ebs.VolumeId");
        assertEquals("20\tFalse", aws.text("ec2", "describe-volumes", "--volume-ids", root, "--query",
                "Volumes[0].[Size,Attachments[0].DeleteOnTermination]"));
        aws.text("ec2", "modify-volume-attribute", "--volume-id", root, "--auto-enable-io");
        assertEquals("True", aws.text("ec2", "describe-volume-attribute", "--volume-id", root, "--attribute",
                "autoEnableIO", "--query", "AutoEnableIO.Value"));
        assertEquals("1", aws.text("ec2", "create-snapshots", "--instance-specification", "InstanceId=" + instance,
                "--description", "nightly", "--query", "length(Snapshots)"), "one volume, one snapshot");

        byte[] written = "kept after termination".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DiskFiles.write(file("volumes", root), 19L << 30, written);

        aws.text("ec2", "terminate-instances", "--instance-ids", instance);
        aws.text("ec2", "wait", "instance-terminated", "--instance-ids", instance);
        assertEquals("available", aws.text("ec2", "describe-volumes", "--volume-ids", root, "--query",
                "Volumes[0].State"));
        assertArrayEquals(written, DiskFiles.read(file("volumes", root), 19L << 30, written.length));
    }

    private static Path file(String kind, String id) {
        return server.dataDirectory().resolve(kind + "/000000000000/us-east-1/" + id + ".img");
    }
}
