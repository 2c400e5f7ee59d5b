package dev.gureum.core.image;

import dev.gureum.core.storage.Snapshot;
import dev.gureum.core.storage.StorageRecords;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeState;
import dev.gureum.core.storage.VolumeType;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;

import static dev.gureum.core.image.ImageWorld.OTHER;
import static dev.gureum.core.image.ImageWorld.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.tag.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageCopyAndCreateTest {
    private static final String DEBIAN = "debian-12-arm64-20251112-2294";
    private final ImageWorld world = new ImageWorld();

    @Test
    void aCopyGetsANewIdInTheDestinationAndIsPendingForTheBuildTime() {
        Image source = ImageWorld.catalogImage("us-east-1", DEBIAN);
        Image copy = world.images.copy(world.as(OWNER, "eu-west-1"),
                new ImageCopy("us-east-1", source.id(), DEBIAN, null, false, false, null, List.of()));
        assertNotEquals(source.id(), copy.id());
        assertEquals(List.of("eu-west-1", OWNER, DEBIAN, source.description(), "debian-12", source.id(), "us-east-1"),
                List.of(copy.region(), copy.ownerId(), copy.name(), copy.description(), copy.rootFilesystem(),
                        copy.sourceImageId(), copy.sourceImageRegion()));
        assertNotEquals(source.blockDevices().get(0).snapshotId(), copy.blockDevices().get(0).snapshotId());
        assertEquals(ImageState.PENDING, copy.state(world.clock.now()));
        CloudException unavailable = assertThrows(CloudException.class,
                () -> world.images.findLaunchable(OWNER, "eu-west-1", copy.id()));
        assertEquals(Ec2Error.INVALID_AMI_ID_UNAVAILABLE, unavailable.code());
        assertEquals(List.of(copy.id()), world.describe(world.as(OWNER, "eu-west-1"), "state", "pending").stream()
                .map(Image::id).toList());
        world.clock.advance(ImageService.BUILD_TIME);
        assertEquals(copy.id(), world.images.findLaunchable(OWNER, "eu-west-1", copy.id()).id());
        assertThrows(CloudException.class, () -> world.images.findLaunchable(OWNER, "us-east-1", copy.id()));
    }

    @Test
    void aRetriedCopyWithTheSameClientTokenAnswersTheFirstImage() {
        String sourceId = ImageWorld.catalogImage("us-east-1", DEBIAN).id();
        ImageCopy copy = new ImageCopy("us-east-1", sourceId, "copied", "mine", true, false, "token-1", List.of());
        Image first = world.images.copy(world.as(OWNER, "us-west-2"), copy);
        assertEquals(first, world.images.copy(world.as(OWNER, "us-west-2"), copy));
        assertTrue(first.blockDevices().get(0).encrypted());
        CloudException mismatch = assertThrows(CloudException.class, () -> world.images.copy(world.as(OWNER, "us-west-2"),
                new ImageCopy("us-east-1", sourceId, "other-name", null, false, false, "token-1", List.of())));
        assertEquals(Ec2Error.IDEMPOTENT_PARAMETER_MISMATCH, mismatch.code());
    }

    @Test
    void aCopyNeedsAVisibleSourceInAKnownRegion() {
        Image private1 = world.register(world.as(OTHER), "private");
        assertEquals(Ec2Error.IMAGE_ID_NOT_FOUND, assertThrows(CloudException.class, () -> world.images.copy(
                world.as(OWNER), new ImageCopy("us-east-1", private1.id(), "x-copy", null, false, false, null,
                        List.of()))).code());
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, assertThrows(CloudException.class, () -> world.images.copy(
                world.as(OWNER), new ImageCopy("moon-east-1", private1.id(), "x-copy", null, false, false, null,
                        List.of()))).code());
        Image own = world.register(world.as(OWNER), "tagged", new Tag("team", "blue"));
        Image copy = world.images.copy(world.as(OWNER, "us-east-2"), new ImageCopy("us-east-1", own.id(), "tagged",
                null, false, true, null, List.of(new Tag("copy", "yes"))));
        assertEquals(List.of(new Tag("team", "blue"), new Tag("copy", "yes")), copy.tags());
    }

    @Test
    void createImageCapturesARunningOrStoppedInstance() {
        Image origin = ImageWorld.catalogImage("us-east-1", DEBIAN);
        Map<String, ImageSource> instances = Map.of(
                "i-0123456789abcdef0", source("i-0123456789abcdef0", origin.id(), "stopped"),
                "i-0123456789abcdef1", source("i-0123456789abcdef1", origin.id(), "pending"),
                "i-0123456789abcdef2", instanceStoreBacked(source("i-0123456789abcdef2", origin.id(), "running")));
        ImageSourceLookup lookup = (account, region, id) -> OWNER.equals(account)
                ? Optional.ofNullable(instances.get(id)) : Optional.empty();
        Image image = world.images.create(world.as(OWNER), "i-0123456789abcdef0", lookup, new ImageCapture(
                "from-instance", "captured", true, List.of(new BlockDevice("/dev/xvda", null, null, null, false, null,
                        null, null, null, false), BlockDevice.instanceStore("/dev/sdb", "ephemeral0")), List.of()));
        assertEquals(List.of("arm64", "debian-12", "i-0123456789abcdef0", "uefi"),
                List.of(image.architecture(), image.rootFilesystem(), image.sourceInstanceId(), image.bootMode()));
        assertTrue(image.noReboot());
        assertEquals(false, image.blockDevices().get(0).deleteOnTermination());
        String snapshotId = image.blockDevices().get(0).snapshotId();
        Snapshot snapshot = world.store.get(StorageRecords.SNAPSHOTS, new RecordKey(OWNER, "us-east-1", snapshotId))
                .orElseThrow().value();
        assertEquals(List.of(ROOT_VOLUME, "Created by CreateImage(i-0123456789abcdef0) for " + image.id(), "completed"),
                List.of(snapshot.volumeId(), snapshot.description(), snapshot.state().wireName()));
        assertEquals("ephemeral0", image.blockDevices().get(1).virtualName());
        assertEquals(ImageState.PENDING, image.state(world.clock.now()));
        assertEquals(Ec2Error.INCORRECT_INSTANCE_STATE, assertThrows(CloudException.class, () -> world.images.create(
                world.as(OWNER), "i-0123456789abcdef1", lookup, capture("second"))).code());
        assertEquals(Ec2Error.UNSUPPORTED_OPERATION, assertThrows(CloudException.class, () -> world.images.create(
                world.as(OWNER), "i-0123456789abcdef2", lookup, capture("instance-store"))).code(),
                "only an EBS-backed instance is imaged");
        assertEquals(Ec2Error.INSTANCE_ID_NOT_FOUND, assertThrows(CloudException.class, () -> world.images.create(
                world.as(OTHER), "i-0123456789abcdef0", lookup, capture("third"))).code());
        assertEquals(Ec2Error.INSTANCE_ID_NOT_FOUND, assertThrows(CloudException.class, () -> world.images.create(
                world.as(OWNER), "i-0123456789abcdef9", lookup, capture("fourth"))).code());
        assertEquals(Ec2Error.INSTANCE_ID_MALFORMED, assertThrows(CloudException.class, () -> world.images.create(
                world.as(OWNER), "instance-1", lookup, capture("fifth"))).code());
        assertEquals(Ec2Error.INVALID_BLOCK_DEVICE_MAPPING, assertThrows(CloudException.class, () -> world.images
                .create(world.as(OWNER), "i-0123456789abcdef0", lookup, new ImageCapture("resized", null, false,
                        List.of(new BlockDevice("/dev/xvda", null, 50, null, null, null, null, null, null, false)),
                        List.of()))).code());
    }

    private static final String ROOT_VOLUME = "vol-0123456789abcdef0";

    private static ImageSource instanceStoreBacked(ImageSource source) {
        return new ImageSource(source.instanceId(), source.imageId(), source.state(), source.architecture(),
                source.platform(), source.platformDetails(), source.usageOperation(), source.rootDeviceName(), false,
                List.of());
    }

    /** An instance with one 8 GiB gp3 root volume, recorded in the world's store. */
    private ImageSource source(String instanceId, String imageId, String state) {
        world.store.apply(new WriteBatch().put(StorageRecords.VOLUMES, new RecordKey(OWNER, "us-east-1", ROOT_VOLUME),
                WriteBatch.ANY, new Volume(ROOT_VOLUME, OWNER, "us-east-1", "us-east-1a", 8, VolumeType.GP3, 3000, 125,
                        false, null, null, false, world.clock.now(), VolumeState.IN_USE, List.of(), List.of(), false)));
        return new ImageSource(instanceId, imageId, state, "arm64", null, "Linux/UNIX", "RunInstances", "/dev/xvda", true,
                List.of(new ImageSource.SourceVolume(BlockDevice.ebs("/dev/xvda", null, 8, "gp3", true, false, null,
                        null), ROOT_VOLUME)));
    }

    private static ImageCapture capture(String name) {
        return new ImageCapture(name, null, false, List.of(), List.of());
    }
}
