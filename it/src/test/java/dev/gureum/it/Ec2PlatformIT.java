package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;

/** The platform's first operations through the real AWS SDK for Java v2, errors included. */
class Ec2PlatformIT {
    private static GureumProcess server;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        server = GureumProcess.start();
        ec2 = Clients.ec2(server.endpoint());
    }

    @AfterAll
    static void stop() {
        ec2.close();
        server.close();
    }

    @Test
    void describeRegionsListsEveryCommercialRegion() {
        List<software.amazon.awssdk.services.ec2.model.Region> regions = ec2.describeRegions().regions();
        assertEquals(34, regions.size());
        assertTrue(regions.stream().anyMatch(region -> region.regionName().equals("ap-northeast-2")
                && region.endpoint().equals("ec2.ap-northeast-2.amazonaws.com")
                && region.optInStatus().equals("opt-in-not-required")));
        assertTrue(regions.stream().anyMatch(region -> region.regionName().equals("af-south-1")
                && region.optInStatus().equals("opted-in")));
    }

    @Test
    void describeRegionsFiltersByNameWithWildcardsAndByOptInStatus() {
        assertEquals(List.of("eu-central-1", "eu-central-2"), ec2.describeRegions(r -> r.filters(
                Filter.builder().name("region-name").values("eu-central-*").build())).regions().stream()
                .map(software.amazon.awssdk.services.ec2.model.Region::regionName).toList());
        assertEquals(1, ec2.describeRegions(r -> r.regionNames("us-west-2").allRegions(true)).regions().size());
        assertTrue(ec2.describeRegions(r -> r.filters(Filter.builder().name("opt-in-status")
                .values("opted-in").build())).regions().stream().noneMatch(region -> region.regionName().equals("us-east-1")));
    }

    @Test
    void availabilityZonesBelongToTheRegionTheClientSignedFor() {
        try (Ec2Client ireland = Clients.ec2(server.endpoint(), Region.EU_WEST_1, "test", "test")) {
            List<AvailabilityZone> zones = ireland.describeAvailabilityZones().availabilityZones();
            assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"),
                    zones.stream().map(AvailabilityZone::zoneName).toList());
            assertEquals(List.of("euw1-az1", "euw1-az2", "euw1-az3"), zones.stream().map(AvailabilityZone::zoneId).toList());
            assertTrue(zones.stream().allMatch(zone -> zone.regionName().equals("eu-west-1")
                    && zone.zoneType().equals("availability-zone") && zone.stateAsString().equals("available")));
        }
    }

    @Test
    void localZonesAppearOnlyWhenAllZonesAreAsked() {
        assertEquals(6, ec2.describeAvailabilityZones().availabilityZones().size());
        List<AvailabilityZone> all = ec2.describeAvailabilityZones(r -> r.allAvailabilityZones(true)).availabilityZones();
        AvailabilityZone boston = all.stream().filter(zone -> zone.zoneName().equals("us-east-1-bos-1a")).findFirst().orElseThrow();
        assertEquals("local-zone", boston.zoneType());
        assertEquals("not-opted-in", boston.optInStatusAsString());
        assertEquals("us-east-1a", boston.parentZoneName());
        assertEquals(List.of("use1-az2"), ec2.describeAvailabilityZones(r -> r.filters(
                Filter.builder().name("zone-name").values("us-east-1b").build())).availabilityZones().stream()
                .map(AvailabilityZone::zoneId).toList());
    }

    @Test
    void accountAttributesAnswerWhatTerraformReads() {
        DescribeAccountAttributesResponse attributes = ec2.describeAccountAttributes();
        assertEquals(List.of("supported-platforms", "vpc-max-security-groups-per-interface", "max-elastic-ips",
                "max-instances", "vpc-max-elastic-ips", "default-vpc"), attributes.accountAttributes().stream()
                .map(attribute -> attribute.attributeName()).toList());
        assertEquals("VPC", ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("supported-platforms"))
                .accountAttributes().get(0).attributeValues().get(0).attributeValue());
    }

    @Test
    void errorsCarryEc2CodesAndStatuses() {
        assertError(412, "DryRunOperation", () -> ec2.describeRegions(r -> r.dryRun(true)));
        assertError(400, "InvalidParameterValue", () -> ec2.describeRegions(r -> r.filters(
                Filter.builder().name("no-such-filter").values("x").build())));
        assertError(400, "InvalidParameterValue", () -> ec2.describeRegions(r -> r.regionNames("moon-east-1")));
        assertError(400, "InvalidParameterValue", () -> ec2.describeAvailabilityZones(r -> r.zoneNames("us-east-1z")));
        Ec2Exception unsupported = assertError(400, "UnsupportedOperation", () -> ec2.describeFleets());
        assertTrue(unsupported.awsErrorDetails().errorMessage().contains("DescribeFleets"));
        assertError(400, "MissingParameter", () -> ec2.createTags(r -> r.resources("i-1234567890abcdef0")));
    }

    /** The catalog's Debian 12 x86_64 image in the client's region. */
    static String debianImage(software.amazon.awssdk.services.ec2.Ec2Client client) {
        return client.describeImages(r -> r.owners("amazon").filters(software.amazon.awssdk.services.ec2.model.Filter
                .builder().name("name").values("debian-12-amd64-*").build())).images().get(0).imageId();
    }

    /** An 8 GiB snapshot behind one of the region's public catalog images, usable by every account. */
    static String publicSnapshot(software.amazon.awssdk.services.ec2.Ec2Client client) {
        return client.describeSnapshots(r -> r.ownerIds("amazon")).snapshots().stream()
                .filter(snapshot -> snapshot.volumeSize() == 8).findFirst().orElseThrow().snapshotId();
    }

    static Ec2Exception assertError(int status, String code, Runnable call) {
        Ec2Exception error = assertThrows(Ec2Exception.class, call::run);
        assertEquals(code, error.awsErrorDetails().errorCode(), error.getMessage());
        assertEquals(status, error.statusCode(), error.getMessage());
        assertTrue(error.requestId() != null && !error.requestId().isEmpty());
        return error;
    }
}
