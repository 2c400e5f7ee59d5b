package dev.gureum.core.image;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRegistrationTest {
    private final ImageWorld world = new ImageWorld();

    @ParameterizedTest
    @ValueSource(strings = {"ab", "with,comma", "star*", "tab\tname", "ünïcode"})
    void malformedNamesAreRefused(String name) {
        CloudException error = assertThrows(CloudException.class, () -> world.register(world.as(OWNER), name));
        assertEquals(Ec2Error.INVALID_AMI_NAME_MALFORMED, error.code());
        assertTrue(error.getMessage().startsWith("AMI names must be between 3 and 128 characters long"));
    }

    @Test
    void namesMayUseEveryCharacterEc2Documents() {
        world.register(world.as(OWNER), "web (v1.2) [prod] it's @home/x_y-z");
        world.register(world.as(OWNER), "x".repeat(128));
        assertThrows(CloudException.class, () -> world.register(world.as(OWNER), "x".repeat(129)));
    }

    @Test
    void aNameIsUniquePerOwnerAndRegion() {
        Image first = world.register(world.as(OWNER), "golden");
        CloudException duplicate = assertThrows(CloudException.class, () -> world.register(world.as(OWNER), "golden"));
        assertEquals(Ec2Error.INVALID_AMI_NAME_DUPLICATE, duplicate.code());
        assertEquals("AMI name golden is already in use by AMI " + first.id(), duplicate.getMessage());
        world.register(world.as(OTHER), "golden");
        world.register(world.as(OWNER, "us-west-2"), "golden");
    }

    @Test
    void aRegisteredImageIsAvailableAtOnceWithEc2Defaults() {
        Image image = world.images.register(world.as(OWNER), new ImageRegistration("defaults", null, null, null, null,
                List.of(new BlockDevice("/dev/sda1", ImageWorld.PUBLIC_SNAPSHOT, null, null, null, null, null, null, null,
                        false)), null, null, null, null, null, null, null, null, List.of(new Tag("team", "a"))));
        assertEquals(ImageState.AVAILABLE, image.state(world.clock.now()));
        assertEquals("i386", image.architecture());
        assertEquals("paravirtual", image.virtualizationType());
        assertEquals("/dev/sda1", image.rootDeviceName());
        assertEquals(List.of(BlockDevice.ebs("/dev/sda1", ImageWorld.PUBLIC_SNAPSHOT, 8, "gp2", true, false, null, null)),
                image.blockDevices());
        assertEquals(OWNER + "/defaults", image.imageLocation());
        assertEquals(List.of(new Tag("team", "a")), image.tags());
        assertTrue(!image.isPublic() && image.ownerAlias() == null);
    }

    @Test
    void theRootDeviceMustComeFromASnapshot() {
        CloudException error = assertThrows(CloudException.class, () -> world.images.register(world.as(OWNER),
                new ImageRegistration("no-root", null, null, "x86_64", "/dev/xvda", List.of(new BlockDevice("/dev/sdf", null,
                        20, "gp3", null, null, null, null, null, false)), "hvm", null, null, null, null, null, null, null,
                        List.of())));
        assertEquals(Ec2Error.INVALID_BLOCK_DEVICE_MAPPING, error.code());
        CloudException badSnapshot = assertThrows(CloudException.class, () -> world.images.register(world.as(OWNER),
                new ImageRegistration("bad-snap", null, null, "x86_64", "/dev/xvda", List.of(new BlockDevice("/dev/xvda",
                        "snapshot-1", null, null, null, null, null, null, null, false)), "hvm", null, null, null, null,
                        null, null, null, List.of())));
        assertEquals(Ec2Error.SNAPSHOT_ID_MALFORMED, badSnapshot.code());
        CloudException unknownSnapshot = assertThrows(CloudException.class, () -> world.images.register(
                world.as(OWNER), new ImageRegistration("unknown-snap", null, null, "x86_64", "/dev/xvda", List.of(
                        new BlockDevice("/dev/xvda", "snap-0123456789abcdef0", null, null, null, null, null, null, null,
                                false)), "hvm", null, null, null, null, null, null, null, List.of())));
        assertEquals(Ec2Error.SNAPSHOT_ID_NOT_FOUND, unknownSnapshot.code());
        CloudException badArchitecture = assertThrows(CloudException.class, () -> world.images.register(world.as(OWNER),
                new ImageRegistration("bad-arch", null, null, "sparc", "/dev/xvda", List.of(new BlockDevice("/dev/xvda",
                        ImageWorld.PUBLIC_SNAPSHOT, null, null, null, null, null, null, null, false)), "hvm", null, null,
                        null, null, null, null, null, List.of())));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, badArchitecture.code());
    }

    @Test
    void deregisteringWithItsSnapshotsDeletesThoseNoOtherImageUses() {
        String own = world.snapshots.copy(world.as(OWNER), "us-east-1", ImageWorld.PUBLIC_SNAPSHOT, null, null, null,
                List.of()).id();
        String shared = world.snapshots.copy(world.as(OWNER), "us-east-1", ImageWorld.PUBLIC_SNAPSHOT, null, null,
                null, List.of()).id();
        Image image = world.images.register(world.as(OWNER), new ImageRegistration("with-snapshots", null, null,
                "x86_64", "/dev/xvda", List.of(new BlockDevice("/dev/xvda", own, null, null, null, null, null, null, null,
                        false), new BlockDevice("/dev/sdf", shared, null, null, null, null, null, null, null, false)),
                "hvm", null, null, null, null, null, null, null, List.of()));
        world.images.register(world.as(OWNER), new ImageRegistration("keeps-one", null, null, "x86_64", "/dev/xvda",
                List.of(new BlockDevice("/dev/xvda", shared, null, null, null, null, null, null, null, false)), "hvm",
                null, null, null, null, null, null, null, List.of()));
        assertEquals(java.util.Map.of(own, "success", shared, "skipped"),
                world.images.deregister(world.as(OWNER), image.id(), true));
        assertEquals(Ec2Error.SNAPSHOT_ID_NOT_FOUND, assertThrows(CloudException.class,
                () -> world.snapshots.delete(world.as(OWNER), own)).code(), "deleted with its image");
        assertEquals(Ec2Error.SNAPSHOT_IN_USE, assertThrows(CloudException.class,
                () -> world.snapshots.delete(world.as(OWNER), shared)).code(), "kept for the other image");
    }

    @Test
    void onlyTheOwnerDeregistersAndTheCatalogIsNobodys() {
        Image image = world.register(world.as(OWNER), "short-lived");
        CloudException notYours = assertThrows(CloudException.class,
                () -> world.images.deregister(world.as(OWNER), ImageWorld.CATALOG.images("us-east-1").get(0).id(), false));
        assertEquals(Ec2Error.AUTH_FAILURE, notYours.code());
        assertTrue(notYours.getMessage().startsWith("Not authorized for image:ami-"));
        CloudException invisible = assertThrows(CloudException.class,
                () -> world.images.deregister(world.as(OTHER), image.id(), false));
        assertEquals(Ec2Error.IMAGE_ID_NOT_FOUND, invisible.code());
        world.images.deregister(world.as(OWNER), image.id(), false);
        assertEquals(19, world.describe(world.as(OWNER)).size());
        assertThrows(CloudException.class, () -> world.images.deregister(world.as(OWNER), image.id(), false));
        assertNotEquals(image.id(), world.register(world.as(OWNER), "short-lived").id());
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        world.register(world.dryRun(OWNER), "dry");
        assertEquals(0, world.store.batches());
        world.register(world.as(OWNER), "wet");
        assertThrows(CloudException.class, () -> world.register(world.dryRun(OWNER), "wet"));
        assertEquals(1, world.store.batches());
    }
}
