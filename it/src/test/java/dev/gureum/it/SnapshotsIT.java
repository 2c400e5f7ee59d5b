package dev.gureum.it;

import static dev.gureum.it.DiskFiles.read;
import static dev.gureum.it.DiskFiles.size;
import static dev.gureum.it.DiskFiles.write;
import static dev.gureum.it.Ec2PlatformIT.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * EBS snapshots through the real SDK and its snapshotCompleted waiter: a point-in-time copy of a volume's
 * bytes that restores byte for byte into a new volume in another zone, copies across regions, and is
 * shared between accounts with createVolumePermission.
 */
class SnapshotsIT {
    private static final String OTHER_ACCOUNT = "111111111111";
    private static final long OFFSET = 5L << 30;

    private static GureumProcess server;
    private static Ec2Client ec2;
    private static Ec2Client other;
    private static Ec2Client west;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--auth", "any");
        ec2 = Clients.ec2(server.endpoint());
        other = Clients.ec2(server.endpoint(), Region.US_EAST_1, OTHER_ACCOUNT, "any-secret");
        west = Clients.ec2(server.endpoint(), Region.US_WEST_2, "test", "test");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            other.close();
            west.close();
            server.close();
        }
    }

    @Test
    void aSnapshotRestoresTheVolumesBytesAsTheyWereWhenItWasTaken() {
        String volumeId = volume("us-east-1a", 8);
        byte[] written = randomBytes(1 << 20);
        write(volumeFile(OWNER, "us-east-1", volumeId), OFFSET, written);

        var created = ec2.createSnapshot(r -> r.volumeId(volumeId).description("before the upgrade"));
        assertEquals("pending", created.stateAsString());
        assertEquals(8, created.volumeSize());
        ec2.waiter().waitUntilSnapshotCompleted(r -> r.snapshotIds(created.snapshotId()));
        write(volumeFile(OWNER, "us-east-1", volumeId), OFFSET, randomBytes(1 << 20));

        Snapshot snapshot = ec2.describeSnapshots(r -> r.snapshotIds(created.snapshotId())).snapshots().get(0);
        assertEquals(List.of("completed", "100%", volumeId, "before the upgrade", OWNER), List.of(
                snapshot.stateAsString(), snapshot.progress(), snapshot.volumeId(), snapshot.description(),
                snapshot.ownerId()));

        var restored = ec2.createVolume(r -> r.snapshotId(created.snapshotId()).availabilityZone("us-east-1b").size(10));
        assertEquals(created.snapshotId(), restored.snapshotId());
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(restored.volumeId()));
        Path restoredFile = volumeFile(OWNER, "us-east-1", restored.volumeId());
        assertEquals(10L << 30, size(restoredFile), "grown to the asked size");
        assertArrayEquals(written, read(restoredFile, OFFSET, written.length), "the bytes at snapshot time");

        var sameSize = ec2.createVolume(r -> r.snapshotId(created.snapshotId()).availabilityZone("us-east-1c"));
        assertEquals(8, sameSize.size(), "a volume from a snapshot defaults to the snapshot's size");
        var tooSmall = assertError(400, "InvalidParameterValue", () -> ec2.createVolume(r -> r
                .snapshotId(created.snapshotId()).availabilityZone("us-east-1a").size(4)));
        assertTrue(tooSmall.awsErrorDetails().errorMessage().contains("expect size >= 8GB"),
                tooSmall.awsErrorDetails().errorMessage());
    }

    @Test
    void aSnapshotCopiesToAnotherRegionWithItsBytes() {
        String volumeId = volume("us-east-1a", 2);
        byte[] written = randomBytes(4096);
        write(volumeFile(OWNER, "us-east-1", volumeId), 12345, written);
        String source = completedSnapshot(volumeId);

        // The SDK presigns a source-region URL itself unless given one, and cannot for a custom endpoint.
        String copyId = west.copySnapshot(r -> r.sourceRegion("us-east-1").sourceSnapshotId(source)
                .presignedUrl("https://ec2.us-east-1.amazonaws.com/")).snapshotId();
        west.waiter().waitUntilSnapshotCompleted(r -> r.snapshotIds(copyId));
        Snapshot copy = west.describeSnapshots(r -> r.snapshotIds(copyId)).snapshots().get(0);
        assertEquals(List.of("vol-ffffffff", "[Copied " + source + " from us-east-1]", "2"),
                List.of(copy.volumeId(), copy.description(), String.valueOf(copy.volumeSize())));
        assertArrayEquals(written, read(server.dataDirectory().resolve("snapshots/" + OWNER + "/us-west-2/" + copyId
                + ".img"), 12345, written.length));
        assertError(400, "InvalidSnapshot.NotFound", () -> ec2.describeSnapshots(r -> r.snapshotIds(copyId)));
        assertError(400, "InvalidSnapshot.NotFound", () -> west.copySnapshot(r -> r.sourceRegion("us-east-1")
                .sourceSnapshotId("snap-00000000000000000").presignedUrl("https://ec2.us-east-1.amazonaws.com/")));
    }

    @Test
    void createVolumePermissionSharesASnapshotWithAnotherAccountAndWithEveryone() {
        String snapshotId = completedSnapshot(volume("us-east-1a", 1));
        assertError(400, "InvalidSnapshot.NotFound", () -> other.describeSnapshots(r -> r.snapshotIds(snapshotId)));

        ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshotId).attribute("createVolumePermission")
                .operationType("add").userIds(OTHER_ACCOUNT));
        assertEquals(List.of(CreateVolumePermission.builder().userId(OTHER_ACCOUNT).build()),
                ec2.describeSnapshotAttribute(r -> r.snapshotId(snapshotId)
                        .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)).createVolumePermissions());
        assertEquals(List.of(snapshotId), ids(other.describeSnapshots(r -> r.restorableByUserIds("self")).snapshots()));
        String theirs = other.createVolume(r -> r.snapshotId(snapshotId).availabilityZone("us-east-1a")).volumeId();
        other.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(theirs));
        assertError(400, "AuthFailure", () -> other.deleteSnapshot(r -> r.snapshotId(snapshotId)));
        assertError(400, "AuthFailure", () -> other.describeSnapshotAttribute(r -> r.snapshotId(snapshotId)
                .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)));

        ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshotId).createVolumePermission(p -> p
                .add(CreateVolumePermission.builder().group("all").build())));
        assertTrue(ids(other.describeSnapshots(r -> r.restorableByUserIds("all")).snapshots()).contains(snapshotId));

        ec2.resetSnapshotAttribute(r -> r.snapshotId(snapshotId).attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION));
        assertError(400, "InvalidSnapshot.NotFound", () -> other.describeSnapshots(r -> r.snapshotIds(snapshotId)));
        assertError(400, "InvalidUserID.Malformed", () -> ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshotId)
                .attribute("createVolumePermission").operationType("add").userIds("someone")));
    }

    @Test
    void encryptedSnapshotsAreNeverPublicAndNeverSharedUnderTheDefaultKey() {
        String volumeId = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1).encrypted(true)).volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(volumeId));
        String snapshotId = completedSnapshot(volumeId);
        Snapshot snapshot = ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().get(0);
        assertTrue(snapshot.encrypted() && snapshot.kmsKeyId().startsWith("arn:aws:kms:us-east-1:" + OWNER + ":key/"));

        assertError(400, "UnsupportedOperation", () -> ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshotId)
                .attribute("createVolumePermission").operationType("add").groupNames("all")));
        assertError(400, "OperationNotPermitted", () -> ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshotId)
                .attribute("createVolumePermission").operationType("add").userIds(OTHER_ACCOUNT)));
        var restored = ec2.createVolume(r -> r.snapshotId(snapshotId).availabilityZone("us-east-1a"));
        assertTrue(restored.encrypted(), "a volume from an encrypted snapshot is encrypted");
    }

    @Test
    void deletingFreesTheBytesUnlessARegisteredImageUsesTheSnapshot() {
        String snapshotId = completedSnapshot(volume("us-east-1a", 1));
        Path file = server.dataDirectory().resolve("snapshots/" + OWNER + "/us-east-1/" + snapshotId + ".img");
        assertTrue(Files.exists(file));
        String imageId = ec2.registerImage(r -> r.name("uses-" + snapshotId).architecture("x86_64")
                .rootDeviceName("/dev/xvda").blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/xvda")
                        .ebs(e -> e.snapshotId(snapshotId)).build())).imageId();
        var inUse = assertError(400, "InvalidSnapshot.InUse", () -> ec2.deleteSnapshot(r -> r.snapshotId(snapshotId)));
        assertEquals("The snapshot " + snapshotId + " is currently in use by " + imageId,
                inUse.awsErrorDetails().errorMessage());

        ec2.deregisterImage(r -> r.imageId(imageId));
        ec2.deleteSnapshot(r -> r.snapshotId(snapshotId));
        assertFalse(Files.exists(file), "deleting a snapshot frees its bytes");
        var missing = assertError(400, "InvalidSnapshot.NotFound", () -> ec2.deleteSnapshot(r -> r.snapshotId(snapshotId)));
        assertEquals("The snapshot '" + snapshotId + "' does not exist.", missing.awsErrorDetails().errorMessage());
        assertError(400, "InvalidSnapshotID.Malformed", () -> ec2.deleteSnapshot(r -> r.snapshotId("snap-x")));
        assertError(400, "InvalidVolume.NotFound", () -> ec2.createSnapshot(r -> r.volumeId("vol-00000000000000000")));
        assertError(400, "InvalidParameterCombination", () -> ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)
                .maxResults(5)));
    }

    @Test
    void describeSnapshotsListsOwnAndPublicOnesByOwner() {
        String snapshotId = completedSnapshot(volume("us-east-1a", 1));
        List<Snapshot> own = ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots();
        assertTrue(own.stream().allMatch(snapshot -> snapshot.ownerId().equals(OWNER)));
        assertTrue(ids(own).contains(snapshotId));
        List<Snapshot> amazon = ec2.describeSnapshots(r -> r.ownerIds("amazon")).snapshots();
        assertFalse(amazon.isEmpty(), "the public catalog images' snapshots");
        assertTrue(amazon.stream().allMatch(snapshot -> "amazon".equals(snapshot.ownerAlias())
                && "completed".equals(snapshot.stateAsString())));
        assertEquals(List.of(snapshotId), ids(ec2.describeSnapshots(r -> r.ownerIds("self")
                .filters(Filter.builder().name("snapshot-id").values(snapshotId).build())).snapshots()));

        var page = ec2.describeSnapshots(r -> r.maxResults(5));
        assertEquals(5, page.snapshots().size());
        assertTrue(page.nextToken() != null);
        String typesToken = ec2.describeInstanceTypes(r -> r.maxResults(5)).nextToken();
        assertError(400, "InvalidPaginationToken", () -> ec2.describeSnapshots(r -> r.maxResults(5)
                .nextToken(typesToken)));
        assertEquals(page.snapshots().size(), ec2.describeSnapshots(r -> r.maxResults(5).nextToken(page.nextToken()))
                .snapshots().size(), "the listing's own token goes on");
        int all = ec2.describeSnapshots().snapshots().size();
        assertEquals(Math.min(1000, all), ec2.describeSnapshots(r -> r.maxResults(5000)).snapshots().size(),
                "a MaxResults above 1,000 asks for 1,000");
    }

    private static final String OWNER = "000000000000";

    private static String volume(String zone, int size) {
        String id = ec2.createVolume(r -> r.availabilityZone(zone).size(size).volumeType(VolumeType.GP3)).volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(id));
        return id;
    }

    private static String completedSnapshot(String volumeId) {
        String id = ec2.createSnapshot(r -> r.volumeId(volumeId)).snapshotId();
        ec2.waiter().waitUntilSnapshotCompleted(r -> r.snapshotIds(id));
        return id;
    }

    private static List<String> ids(List<Snapshot> snapshots) {
        return snapshots.stream().map(Snapshot::snapshotId).toList();
    }

    private static Path volumeFile(String account, String region, String volumeId) {
        return server.dataDirectory().resolve("volumes/" + account + "/" + region + "/" + volumeId + ".img");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
