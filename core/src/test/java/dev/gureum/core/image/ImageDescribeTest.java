package dev.gureum.core.image;

import static dev.gureum.core.image.ImageWorld.OTHER;
import static dev.gureum.core.image.ImageWorld.OWNER;
import static dev.gureum.core.image.ImageWorld.names;
import static dev.gureum.core.image.ImageWorld.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.page.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageDescribeTest {
    private final ImageWorld world = new ImageWorld();

    @Test
    void withNothingNamedAnAccountSeesTheCatalogAndItsOwnImages() {
        Image own = world.register(world.as(OWNER), "my-image");
        world.register(world.as(OTHER), "someone-elses");
        List<Image> seen = world.describe(world.as(OWNER));
        assertEquals(20, seen.size());
        assertTrue(seen.contains(own));
        assertEquals(List.of("my-image"), names(world.images.describe(world.as(OWNER),
                query(List.of(), List.of("self"), List.of())).items()));
    }

    @Test
    void ownersSelectByAliasOrAccountId() {
        assertEquals(19, world.images.describe(world.as(OWNER), query(List.of(), List.of("amazon"), List.of()))
                .items().size());
        assertEquals(4, world.images.describe(world.as(OWNER), query(List.of(), List.of("099720109477"), List.of()))
                .items().size());
        assertEquals(0, world.images.describe(world.as(OWNER), query(List.of(), List.of("aws-marketplace"), List.of()))
                .items().size());
        CloudException malformed = assertThrows(CloudException.class, () -> world.images.describe(world.as(OWNER),
                query(List.of(), List.of("canonical"), List.of())));
        assertEquals(Ec2Error.INVALID_USER_ID_MALFORMED, malformed.code());
        assertEquals("User ID 'canonical' is invalid", malformed.getMessage());
    }

    @Test
    void filtersMatchWithWildcards() {
        assertEquals(List.of("debian-12-amd64-20251112-2294", "debian-12-arm64-20251112-2294"),
                names(world.describe(world.as(OWNER), "name", "debian-12-*")).stream().sorted().toList());
        assertEquals(List.of("debian-12-arm64-20251112-2294"),
                names(world.describe(world.as(OWNER), "name", "debian-12-*", "architecture", "arm64")));
        assertEquals(2, world.describe(world.as(OWNER), "platform", "windows").size());
        assertEquals(2, world.describe(world.as(OWNER), "usage-operation", "RunInstances:0010").size());
        assertEquals(4, world.describe(world.as(OWNER), "root-device-name", "/dev/xvda", "owner-id", "137112412989")
                .size());
        assertEquals(2, world.describe(world.as(OWNER), "creation-date", "2025-11-13T*").size());
        assertEquals(4, world.describe(world.as(OWNER), "block-device-mapping.device-name", "/dev/sdc").size());
        assertEquals(2, world.describe(world.as(OWNER), "imds-support", "v2.0", "architecture", "x86_64").size());
        assertEquals(19, world.describe(world.as(OWNER), "is-public", "true", "state", "available",
                "hypervisor", "xen", "image-type", "machine").size());
        CloudException unknown = assertThrows(CloudException.class,
                () -> world.describe(world.as(OWNER), "free-tier-eligible", "true"));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, unknown.code());
    }

    @Test
    void namedIdsMustBeWellFormedAndVisibleInTheRegion() {
        String dublinId = ImageWorld.catalogImage("eu-west-1", "debian-12-amd64-20251112-2294").id();
        CloudException notFound = assertThrows(CloudException.class,
                () -> world.images.describe(world.as(OWNER), query(List.of(dublinId), List.of(), List.of())));
        assertEquals(Ec2Error.IMAGE_ID_NOT_FOUND, notFound.code());
        assertEquals("The image id '[" + dublinId + "]' does not exist", notFound.getMessage());
        assertEquals(1, world.images.describe(world.as(OWNER, "eu-west-1"),
                query(List.of(dublinId), List.of(), List.of())).items().size());
        CloudException malformed = assertThrows(CloudException.class,
                () -> world.images.describe(world.as(OWNER), query(List.of("ami-nothex"), List.of(), List.of())));
        assertEquals(Ec2Error.IMAGE_ID_MALFORMED, malformed.code());
        Image private1 = world.register(world.as(OTHER), "not-shared");
        CloudException hidden = assertThrows(CloudException.class, () -> world.images.describe(world.as(OWNER),
                query(List.of(private1.id(), "ami-00000000000000001"), List.of(), List.of())));
        assertEquals("The image ids '[" + private1.id() + ", ami-00000000000000001]' do not exist",
                hidden.getMessage());
    }

    @Test
    void pagesCoverEveryImageOnceAndRefuseIdsWithMaxResults() {
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<Image> page = world.images.describe(world.as(OWNER),
                    new ImageQuery(List.of(), List.of(), List.of(), List.of(), false, 5, token));
            assertTrue(page.items().size() <= 5);
            page.items().forEach(image -> seen.add(image.id()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(19, seen.size());
        assertEquals(19, new HashSet<>(seen).size());
        String id = world.describe(world.as(OWNER)).get(0).id();
        CloudException combined = assertThrows(CloudException.class, () -> world.images.describe(world.as(OWNER),
                new ImageQuery(List.of(id), List.of(), List.of(), List.of(), false, 5, null)));
        assertEquals(Ec2Error.INVALID_PARAMETER_COMBINATION, combined.code());
        CloudException tooFew = assertThrows(CloudException.class, () -> world.images.describe(world.as(OWNER),
                new ImageQuery(List.of(), List.of(), List.of(), List.of(), false, 4, null)));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, tooFew.code());
    }

    @Test
    void deprecatedImagesAreHiddenUnlessAskedForByFlagOrId() {
        world.clock.advance(Duration.ofDays(300));
        assertEquals(19, world.describe(world.as(OWNER)).size());
        world.clock.advance(Duration.ofDays(60));
        assertEquals(0, world.describe(world.as(OWNER)).size());
        assertEquals(19, world.images.describe(world.as(OWNER),
                new ImageQuery(List.of(), List.of(), List.of(), List.of(), true, null, null)).items().size());
        String id = ImageWorld.catalogImage("us-east-1", "debian-13-arm64-20251117-2299").id();
        assertEquals(1, world.images.describe(world.as(OWNER), query(List.of(id), List.of(), List.of())).items().size());
        assertEquals(id, world.images.findLaunchable(OWNER, "us-east-1", id).id());
    }
}
