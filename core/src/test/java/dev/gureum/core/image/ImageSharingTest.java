package dev.gureum.core.image;

import dev.gureum.core.share.Grants;
import dev.gureum.core.share.PermissionChange;

import static dev.gureum.core.image.ImageWorld.OTHER;
import static dev.gureum.core.image.ImageWorld.OWNER;
import static dev.gureum.core.image.ImageWorld.THIRD;
import static dev.gureum.core.image.ImageWorld.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.tag.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSharingTest {
    private final ImageWorld world = new ImageWorld();
    private final Image image = world.register(world.as(OWNER), "shared-image", new Tag("secret", "owner-only"));

    @Test
    void anAccountGrantedLaunchPermissionSeesAndLaunchesTheImageWithoutItsTags() {
        assertThrows(CloudException.class, () -> world.images.findLaunchable(OTHER, "us-east-1", image.id()));
        share(add(OTHER));
        List<Image> sharedWithMe = world.images.describe(world.as(OTHER),
                query(List.of(), List.of(), List.of("self"))).items();
        assertEquals(List.of(image.id()), sharedWithMe.stream().map(Image::id).toList());
        assertEquals(List.of(), sharedWithMe.get(0).tags());
        assertEquals(List.of(new Tag("secret", "owner-only")), world.images.describe(world.as(OWNER),
                query(List.of(image.id()), List.of(), List.of())).items().get(0).tags());
        assertEquals(image.id(), world.images.findLaunchable(OTHER, "us-east-1", image.id()).id());
        assertEquals(1, world.images.describe(world.as(OWNER), query(List.of(), List.of(), List.of(OTHER)))
                .items().size());
        assertEquals(0, world.images.describe(world.as(THIRD), query(List.of(), List.of("self"), List.of()))
                .items().size());
        assertThrows(CloudException.class, () -> world.images.findLaunchable(OTHER, "us-west-2", image.id()));
    }

    @Test
    void removingThePermissionHidesTheImageAgain() {
        share(add(OTHER));
        share(new PermissionChange(List.of(), List.of(OTHER), List.of(), List.of()));
        CloudException gone = assertThrows(CloudException.class,
                () -> world.images.findLaunchable(OTHER, "us-east-1", image.id()));
        assertEquals(Ec2Error.IMAGE_ID_NOT_FOUND, gone.code());
        assertEquals(0, world.store.list(ImageRecords.GRANTS, OTHER, "us-east-1").size());
    }

    @Test
    void groupAllMakesTheImagePublicAndResetMakesItPrivate() {
        share(new PermissionChange(List.of(), List.of(), List.of("all"), List.of()));
        assertEquals(20, world.describe(world.as(THIRD)).size());
        assertEquals(List.of(image.id()), world.images.describe(world.as(THIRD), query(List.of(),
                List.of(OWNER), List.of("all"))).items().stream().map(Image::id).toList());
        assertTrue(world.describe(world.as(OWNER), "is-public", "true").stream().anyMatch(found -> found.id().equals(image.id())));
        share(add(OTHER));
        world.images.attributes().reset(world.as(OWNER), image.id(), ImageAttributeName.LAUNCH_PERMISSION);
        Image reset = world.images.attributes().describe(world.as(OWNER), image.id());
        assertTrue(!reset.isPublic() && reset.launchUserIds().isEmpty());
        assertEquals(19, world.describe(world.as(THIRD)).size());
        assertEquals(19, world.describe(world.as(OTHER)).size());
    }

    @Test
    void onlyTheOwnerReadsOrChangesAttributes() {
        share(add(OTHER));
        CloudException sharedButNotOwned = assertThrows(CloudException.class,
                () -> world.images.attributes().describe(world.as(OTHER), image.id()));
        assertEquals(Ec2Error.AUTH_FAILURE, sharedButNotOwned.code());
        assertEquals("Not authorized for image:" + image.id(), sharedButNotOwned.getMessage());
        assertThrows(CloudException.class, () -> world.images.attributes()
                .modifyDescription(world.as(OTHER), image.id(), "mine now"));
        CloudException invisible = assertThrows(CloudException.class,
                () -> world.images.attributes().modifyDescription(world.as(THIRD), image.id(), "x"));
        assertEquals(Ec2Error.IMAGE_ID_NOT_FOUND, invisible.code());
        String catalogId = ImageWorld.CATALOG.images("us-east-1").get(0).id();
        assertEquals(Ec2Error.AUTH_FAILURE, assertThrows(CloudException.class,
                () -> world.images.attributes().describe(world.as(OWNER), catalogId)).code());
    }

    @Test
    void malformedUserIdsAndGroupsAreRefused() {
        CloudException user = assertThrows(CloudException.class, () -> share(add("12345")));
        assertEquals(Ec2Error.INVALID_USER_ID_MALFORMED, user.code());
        assertEquals("User ID '12345' is invalid", user.getMessage());
        CloudException group = assertThrows(CloudException.class,
                () -> share(new PermissionChange(List.of(), List.of(), List.of("everyone"), List.of())));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, group.code());
    }

    @Test
    void descriptionAndImdsSupportChange() {
        world.images.attributes().modifyDescription(world.as(OWNER), image.id(), "second edition");
        world.images.attributes().modifyImdsSupport(world.as(OWNER), image.id(), "v2.0");
        Image changed = world.images.attributes().describe(world.as(OWNER), image.id());
        assertEquals(List.of("second edition", "v2.0"), List.of(changed.description(), changed.imdsSupport()));
        assertThrows(CloudException.class,
                () -> world.images.attributes().modifyImdsSupport(world.as(OWNER), image.id(), "v1.0"));
    }

    @Test
    void deregisteringASharedImageRemovesItsGrants() {
        share(add(OTHER));
        share(new PermissionChange(List.of(), List.of(), List.of("all"), List.of()));
        world.images.deregister(world.as(OWNER), image.id(), false);
        assertEquals(0, world.store.list(ImageRecords.GRANTS, OTHER, "us-east-1").size());
        assertEquals(0, world.store.list(ImageRecords.GRANTS, Grants.EVERYONE, "us-east-1").size());
        assertEquals(19, world.describe(world.as(OTHER)).size());
    }

    private void share(PermissionChange change) {
        world.images.attributes().modifyLaunchPermission(world.as(OWNER), image.id(), change);
    }

    private static PermissionChange add(String account) {
        return new PermissionChange(List.of(account), List.of(), List.of(), List.of());
    }
}
