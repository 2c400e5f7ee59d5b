package dev.gureum.it;

import static dev.gureum.it.Ec2PlatformIT.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;

/**
 * AMIs through the real AWS CLI and SDK: the public catalog by owner, filter and id, EC2's errors,
 * RegisterImage/DeregisterImage, CreateImage from a running instance and CopyImage across regions (both
 * pending until the manual clock moves on), and launch permissions shared between two accounts of a
 * server run with {@code --auth any}.
 */
class ImagesIT {
    private static final String OTHER_ACCOUNT = "111111111111";
    private static final String DEBIAN_12 = "debian-12-amd64-20251112-2294";
    /** Catalog ids derive from region and name, so scripts may keep them across restarts and releases. */
    private static final String PINNED_AL2023 = "ami-474114e837d05f11b";
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static Ec2Client other;
    private static Ec2Client third;
    private final List<Runnable> cleanups = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--auth", "any", "--clock", "manual");
        ec2 = Clients.ec2(server.endpoint());
        other = Clients.ec2(server.endpoint(), Region.US_EAST_1, OTHER_ACCOUNT, "any-secret");
        third = Clients.ec2(server.endpoint(), Region.US_EAST_1, "222222222222", "any-secret");
    }

    @AfterEach
    void cleanUp() {
        cleanups.reversed().forEach(Runnable::run);
    }

    @AfterAll
    static void stop() {
        ec2.close();
        other.close();
        third.close();
        server.close();
    }

    @Test
    void theCliFindsDebianAmongAmazonOwnedImages() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws");
        AwsCli.Result result = new AwsCli(server.endpoint()).run("ec2", "describe-images", "--owners", "amazon",
                "--filters", "Name=name,Values=debian-12-*",
                "--query", "Images[].[Name,OwnerId,State,ImageLocation]", "--output", "text");
        assertTrue(result.ok(), result.stderr());
        List<String> lines = result.stdout().lines().sorted().toList();
        assertEquals(List.of(
                "debian-12-amd64-20251112-2294\t136693071363\tavailable\tamazon/debian-12-amd64-20251112-2294",
                "debian-12-arm64-20251112-2294\t136693071363\tavailable\tamazon/debian-12-arm64-20251112-2294"), lines);
    }

    @Test
    void theSdkDescribesByOwnerFilterAndIdWithTheWholeImageShape() {
        assertEquals(4, ec2.describeImages(r -> r.owners("099720109477")).images().size());
        assertEquals(19, ec2.describeImages(r -> r.owners("amazon")).images().size());
        List<Image> windows = ec2.describeImages(r -> r.filters(filter("platform", "windows"))).images();
        assertEquals(2, windows.size());
        assertTrue(windows.stream().allMatch(image -> image.platformAsString().equals("windows")
                && image.usageOperation().equals("RunInstances:0002") && image.platformDetails().equals("Windows")));

        String id = ec2.describeImages(r -> r.owners("amazon").filters(filter("name", DEBIAN_12))).images().get(0)
                .imageId();
        Image debian = ec2.describeImages(r -> r.imageIds(id)).images().get(0);
        assertEquals(DEBIAN_12, debian.name());
        assertEquals("Debian 12 (20251112-2294)", debian.description());
        assertEquals(List.of("available", "136693071363", "amazon", "x86_64", "machine", "ebs", "/dev/xvda", "hvm",
                        "xen", "simple", "Linux/UNIX", "RunInstances"),
                List.of(debian.stateAsString(), debian.ownerId(), debian.imageOwnerAlias(), debian.architectureAsString(),
                        debian.imageTypeAsString(), debian.rootDeviceTypeAsString(), debian.rootDeviceName(),
                        debian.virtualizationTypeAsString(), debian.hypervisorAsString(), debian.sriovNetSupport(),
                        debian.platformDetails(), debian.usageOperation()));
        assertEquals(true, debian.publicLaunchPermissions());
        assertEquals(true, debian.enaSupport());
        assertEquals("2025-11-12T23:31:09.000Z", debian.creationDate());
        assertEquals("2027-11-12T23:31:09.000Z", debian.deprecationTime());
        BlockDeviceMapping root = debian.blockDeviceMappings().get(0);
        assertEquals("/dev/xvda", root.deviceName());
        assertTrue(root.ebs().snapshotId().startsWith("snap-"));
        assertEquals(8, root.ebs().volumeSize());
        assertEquals("gp2", root.ebs().volumeTypeAsString());
        assertEquals(true, root.ebs().deleteOnTermination());
        assertEquals(false, root.ebs().encrypted());

        assertEquals("al2023-ami-2023.9.20251117.1-kernel-6.1-x86_64",
                ec2.describeImages(r -> r.imageIds(PINNED_AL2023)).images().get(0).name());
        Image al2023 = ec2.describeImages(r -> r.owners("137112412989").filters(filter("architecture", "arm64"),
                filter("name", "al2023-*"))).images().get(0);
        assertEquals(List.of("uefi", "v2.0", "gp3"), List.of(al2023.bootModeAsString(), al2023.imdsSupportAsString(),
                al2023.blockDeviceMappings().get(0).ebs().volumeTypeAsString()));
        assertEquals(3000, al2023.blockDeviceMappings().get(0).ebs().iops());
    }

    @Test
    void pagesWalkTheCatalogAndIdsAreStablePerRegion() {
        DescribeImagesResponse first = ec2.describeImages(r -> r.maxResults(10));
        assertEquals(10, first.images().size());
        DescribeImagesResponse second = ec2.describeImages(r -> r.maxResults(10).nextToken(first.nextToken()));
        assertEquals(9, second.images().size());
        assertEquals(null, second.nextToken());
        try (Ec2Client tokyo = Clients.ec2(server.endpoint(), Region.AP_NORTHEAST_1, "test", "test")) {
            String here = ec2.describeImages(r -> r.filters(filter("name", DEBIAN_12))).images().get(0).imageId();
            String there = tokyo.describeImages(r -> r.filters(filter("name", DEBIAN_12))).images().get(0).imageId();
            assertNotEquals(here, there);
            assertError(400, "InvalidAMIID.NotFound", () -> tokyo.describeImages(r -> r.imageIds(here)));
        }
    }

    /** EC2 lets an account tag a public AMI; the tags are that account's alone. */
    @Test
    void aPublicImageTaggedByAnAccountShowsThoseTagsToItAlone() {
        String catalog = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        ec2.createTags(r -> r.resources(catalog).tags(tag -> tag.key("env").value("prod")));
        cleanups.add(() -> ec2.deleteTags(r -> r.resources(catalog)));
        assertEquals(List.of("env=prod"), ec2.describeImages(r -> r.imageIds(catalog)).images().get(0).tags()
                .stream().map(tag -> tag.key() + "=" + tag.value()).toList());
        assertEquals(List.of(catalog), ec2.describeImages(r -> r.owners("amazon").filters(filter("tag:env", "prod")))
                .images().stream().map(Image::imageId).toList());
        assertEquals(List.of(), other.describeImages(r -> r.imageIds(catalog)).images().get(0).tags(),
                "another account does not see them");
        assertEquals(List.of(catalog), ec2.describeTags(r -> r.filters(filter("key", "env"))).tags().stream()
                .map(tag -> tag.resourceId()).toList());
        ec2.deleteTags(r -> r.resources(catalog).tags(tag -> tag.key("env")));
        assertEquals(List.of(), ec2.describeImages(r -> r.imageIds(catalog)).images().get(0).tags());
        assertError(400, "InvalidAMIID.NotFound", () -> ec2.createTags(r -> r.resources("ami-0123456789abcdef0")
                .tags(tag -> tag.key("env").value("prod"))));
    }

    @Test
    void malformedAndUnknownIdsAnswerEc2Errors() {
        assertError(400, "InvalidAMIID.Malformed", () -> ec2.describeImages(r -> r.imageIds("ami-xyz")));
        Ec2Exception unknown = assertError(400, "InvalidAMIID.NotFound",
                () -> ec2.describeImages(r -> r.imageIds("ami-0123456789abcdef0")));
        assertEquals("The image id '[ami-0123456789abcdef0]' does not exist", unknown.awsErrorDetails().errorMessage());
        assertError(400, "InvalidUserID.Malformed", () -> ec2.describeImages(r -> r.owners("not-an-owner")));
        assertError(400, "InvalidParameterValue", () -> ec2.describeImages(r -> r.filters(filter("colour", "blue"))));
        assertError(412, "DryRunOperation", () -> ec2.describeImages(r -> r.owners("self").dryRun(true)));
    }

    @Test
    void registerAndDeregisterOwnImages() {
        String id = register(ec2, "it-registered");
        Image image = ec2.describeImages(r -> r.owners("self")).images().get(0);
        assertEquals(List.of(id, "available", "000000000000/it-registered", "false"), List.of(image.imageId(),
                image.stateAsString(), image.imageLocation(), String.valueOf(image.publicLaunchPermissions())));
        assertEquals(List.of("team"), image.tags().stream().map(tag -> tag.key()).toList());
        assertError(400, "InvalidAMIName.Duplicate", () -> register(ec2, "it-registered"));
        assertError(400, "InvalidAMIName.Malformed", () -> register(ec2, "no"));
        assertError(400, "InvalidParameterValue", () -> ec2.registerImage(r -> r.name("low-iops")
                .architecture("x86_64").rootDeviceName("/dev/xvda").blockDeviceMappings(BlockDeviceMapping.builder()
                        .deviceName("/dev/xvda").ebs(e -> e.snapshotId(Ec2PlatformIT.publicSnapshot(ec2))
                                .volumeType("gp3").iops(100)).build())));
        String catalogId = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        Ec2Exception notOwner = assertError(400, "AuthFailure", () -> ec2.deregisterImage(r -> r.imageId(catalogId)));
        assertEquals("Not authorized for image:" + catalogId, notOwner.awsErrorDetails().errorMessage());
        java.time.Instant inAnHour = java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .plusSeconds(1);
        assertEquals(true, ec2.enableImageDeprecation(r -> r.imageId(id).deprecateAt(inAnHour)).returnValue());
        assertEquals(inAnHour.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60).toString(),
                java.time.Instant.parse(ec2.describeImages(r -> r.imageIds(id)).images().get(0).deprecationTime())
                        .toString(), "rounded up to the minute");
        assertError(400, "InvalidParameterValue", () -> ec2.enableImageDeprecation(r -> r.imageId(id)
                .deprecateAt(java.time.Instant.now().minusSeconds(3600))));
        ec2.disableImageDeprecation(r -> r.imageId(id));
        assertNull(ec2.describeImages(r -> r.imageIds(id)).images().get(0).deprecationTime());
        cleanups.clear();
        var deregistered = ec2.deregisterImage(r -> r.imageId(id).deleteAssociatedSnapshots(true));
        assertEquals(true, deregistered.returnValue());
        assertEquals(List.of(Ec2PlatformIT.publicSnapshot(ec2) + " missing-permissions"),
                deregistered.deleteSnapshotResults().stream().map(result -> result.snapshotId() + " "
                        + result.returnCodeAsString()).toList(), "the catalog's public snapshot is not the caller's");
        assertError(400, "InvalidAMIID.NotFound", () -> ec2.describeImages(r -> r.imageIds(id)));
    }

    @Test
    void copyImageToAnotherRegionIsPendingUntilTheBuildTimePasses() {
        String source = ec2.describeImages(r -> r.filters(filter("name", DEBIAN_12))).images().get(0).imageId();
        try (Ec2Client dublin = Clients.ec2(server.endpoint(), Region.EU_WEST_1, "test", "test")) {
            String copy = dublin.copyImage(r -> r.sourceRegion("us-east-1").sourceImageId(source).name(DEBIAN_12))
                    .imageId();
            cleanups.add(() -> dublin.deregisterImage(r -> r.imageId(copy)));
            Image pending = dublin.describeImages(r -> r.imageIds(copy)).images().get(0);
            assertEquals(List.of("pending", DEBIAN_12, "000000000000", source, "us-east-1"),
                    List.of(pending.stateAsString(), pending.name(), pending.ownerId(), pending.sourceImageId(),
                            pending.sourceImageRegion()));
            advanceClock(30);
            assertEquals("available", dublin.describeImages(r -> r.imageIds(copy)).images().get(0).stateAsString());
            assertError(400, "InvalidAMIID.NotFound", () -> ec2.describeImages(r -> r.imageIds(copy)));
            assertError(400, "InvalidAMIName.Duplicate", () -> dublin.copyImage(r -> r.sourceRegion("us-east-1")
                    .sourceImageId(source).name(DEBIAN_12)));
        }
    }

    @Test
    void launchPermissionsShareAnImageWithAnotherAccountAndWithEveryone() {
        String id = register(ec2, "it-shared");
        assertError(400, "InvalidAMIID.NotFound", () -> other.describeImages(r -> r.imageIds(id)));
        shareWithOtherAccount(id);
        List<Image> sharedWithOther = other.describeImages(r -> r.executableUsers("self")).images();
        assertEquals(List.of(id), sharedWithOther.stream().map(Image::imageId).toList());
        assertEquals(List.of(), sharedWithOther.get(0).tags());
        assertEquals(List.of(LaunchPermission.builder().userId(OTHER_ACCOUNT).build()), ec2.describeImageAttribute(
                r -> r.imageId(id).attribute("launchPermission")).launchPermissions());
        assertError(400, "AuthFailure", () -> other.describeImageAttribute(r -> r.imageId(id).attribute("description")));
        assertError(400, "InvalidUserID.Malformed", () -> ec2.modifyImageAttribute(r -> r.imageId(id)
                .launchPermission(p -> p.add(LaunchPermission.builder().userId("1234").build()))));
        assertError(400, "InvalidAMIID.NotFound", () -> third.describeImages(r -> r.imageIds(id)));

        ec2.modifyImageAttribute(r -> r.imageId(id).launchPermission(p -> p.add(LaunchPermission.builder()
                .group("all").build())));
        assertEquals(true, third.describeImages(r -> r.imageIds(id)).images().get(0).publicLaunchPermissions());
        ec2.resetImageAttribute(r -> r.imageId(id).attribute("launchPermission"));
        assertError(400, "InvalidAMIID.NotFound", () -> third.describeImages(r -> r.imageIds(id)));
        assertError(400, "InvalidAMIID.NotFound", () -> other.describeImages(r -> r.imageIds(id)));
        ec2.modifyImageAttribute(r -> r.imageId(id).description(d -> d.value("second edition")));
        assertEquals("second edition", ec2.describeImageAttribute(r -> r.imageId(id).attribute("description"))
                .description().value());
    }

    @Test
    void createImageCapturesARunningInstanceAndIsLaunchableOnceAvailable() {
        String debian = ec2.describeImages(r -> r.filters(filter("name", DEBIAN_12))).images().get(0).imageId();
        String instance = launch(debian);
        server.awaitInstanceState(ec2, instance, "running");
        byte[] written = "written by the instance before its image was made".getBytes(StandardCharsets.UTF_8);
        DiskFiles.write(rootVolumeFile(instance), 1 << 20, written);
        assertError(400, "InvalidParameterValue", () -> ec2.createImage(r -> r.instanceId(instance).name("it-volume")
                .tagSpecifications(t -> t.resourceType("volume").tags(tag -> tag.key("a").value("b")))));
        String id = ec2.createImage(r -> r.instanceId(instance).name("it-captured").noReboot(true)
                .tagSpecifications(t -> t.resourceType("image").tags(tag -> tag.key("from").value("instance")),
                        t -> t.resourceType("snapshot").tags(tag -> tag.key("of").value("root"))))
                .imageId();
        cleanups.add(() -> ec2.deregisterImage(r -> r.imageId(id)));
        Image pending = ec2.describeImages(r -> r.imageIds(id)).images().get(0);
        assertEquals(List.of("pending", instance, "x86_64", "Linux/UNIX", "/dev/xvda", "000000000000/it-captured"),
                List.of(pending.stateAsString(), pending.sourceInstanceId(), pending.architectureAsString(),
                        pending.platformDetails(), pending.rootDeviceName(), pending.imageLocation()));
        assertEquals(false, pending.publicLaunchPermissions());
        String snapshotId = pending.blockDeviceMappings().get(0).ebs().snapshotId();
        assertEquals("Created by CreateImage(" + instance + ") for " + id, ec2.describeSnapshots(r -> r
                .snapshotIds(snapshotId)).snapshots().get(0).description());
        assertEquals("of=root", ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().get(0).tags()
                .stream().map(tag -> tag.key() + "=" + tag.value()).collect(java.util.stream.Collectors.joining(",")));
        assertError(400, "InvalidSnapshot.InUse", () -> ec2.deleteSnapshot(r -> r.snapshotId(snapshotId)));
        assertError(400, "InvalidAMIID.Unavailable", () -> launch(id));
        advanceClock(30);
        assertEquals("available", ec2.describeImages(r -> r.imageIds(id)).images().get(0).stateAsString());
        String copyOfInstance = launch(id);
        assertArrayEquals(written, DiskFiles.read(rootVolumeFile(copyOfInstance), 1 << 20, written.length),
                "an instance launched from the image starts with the captured root volume's bytes");
        assertError(400, "InvalidAMIName.Duplicate", () -> ec2.createImage(r -> r.instanceId(instance)
                .name("it-captured")));
        assertError(400, "InvalidInstanceID.NotFound", () -> ec2.createImage(r -> r.instanceId("i-0123456789abcdef0")
                .name("from-nothing")));
    }

    private static java.nio.file.Path rootVolumeFile(String instanceId) {
        String volumeId = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .blockDeviceMappings().get(0).ebs().volumeId();
        return server.dataDirectory().resolve("volumes/000000000000/us-east-1/" + volumeId + ".img");
    }

    private String launch(String imageId) {
        String instance = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        cleanups.add(() -> ec2.terminateInstances(r -> r.instanceIds(instance)));
        return instance;
    }

    private void shareWithOtherAccount(String id) {
        if (!AwsCli.installed()) {
            ec2.modifyImageAttribute(r -> r.imageId(id).launchPermission(p -> p.add(LaunchPermission.builder()
                    .userId(OTHER_ACCOUNT).build())));
            return;
        }
        AwsCli.Result shared = new AwsCli(server.endpoint()).run("ec2", "modify-image-attribute", "--image-id", id,
                "--launch-permission", "Add=[{UserId=" + OTHER_ACCOUNT + "}]");
        assertTrue(shared.ok(), shared.stderr());
        AwsCli.Result seen = new AwsCli(server.endpoint(), OTHER_ACCOUNT, "any-secret").run("ec2", "describe-images",
                "--executable-users", "self", "--query", "Images[].ImageId", "--output", "text");
        assertTrue(seen.ok(), seen.stderr());
        assertEquals(id, seen.stdout().trim());
    }

    private String register(Ec2Client client, String name) {
        String id = client.registerImage(r -> r.name(name).architecture("x86_64").virtualizationType("hvm")
                .rootDeviceName("/dev/xvda").enaSupport(true)
                .blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/xvda")
                        .ebs(e -> e.snapshotId(Ec2PlatformIT.publicSnapshot(client)).volumeSize(8).volumeType("gp3")).build())
                .tagSpecifications(t -> t.resourceType("image").tags(tag -> tag.key("team").value("it"))))
                .imageId();
        cleanups.add(() -> client.deregisterImage(r -> r.imageId(id)));
        return id;
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(Arrays.asList(values)).build();
    }

    private static void advanceClock(int seconds) {
        server.advanceClock(seconds);
    }
}
