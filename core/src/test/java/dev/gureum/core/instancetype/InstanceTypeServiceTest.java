package dev.gureum.core.instancetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.page.Page;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DescribeInstanceTypes and DescribeInstanceTypeOfferings rules: filters, pages, errors, offerings. */
class InstanceTypeServiceTest {
    private static final String VIRGINIA = "us-east-1";
    private final InstanceTypeService service =
            new InstanceTypeService(InstanceTypeCatalog.load(), RegionCatalog.load());

    @Test
    void instanceTypeFilterTakesWildcards() {
        assertEquals(List.of("m7i.12xlarge", "m7i.16xlarge", "m7i.24xlarge", "m7i.2xlarge", "m7i.48xlarge",
                "m7i.4xlarge", "m7i.8xlarge", "m7i.large", "m7i.metal-24xl", "m7i.metal-48xl", "m7i.xlarge"),
                names(describe(List.of(), filter("instance-type", "m7i.*"))));
        assertEquals(List.of("t3.micro", "t3a.micro", "t4g.micro"),
                names(describe(List.of(), filter("instance-type", "t?*.micro"), filter("current-generation", "true"),
                        filter("burstable-performance-supported", "true"), filter("instance-type", "t3*", "t4g*"))));
    }

    @Test
    void attributeFiltersMatchAnyValueOfEveryFilter() {
        List<InstanceType> graviton = describe(List.of(), filter("processor-info.supported-architecture", "arm64"),
                filter("vcpu-info.default-vcpus", "2"), filter("memory-info.size-in-mib", "8192"));
        assertEquals(List.of("im4gn.large", "m6g.large", "m7g.large", "m8g.large", "t4g.large"), names(graviton));
        assertEquals(List.of("i386", "x86_64"), describe(List.of(), filter("instance-type", "t2.micro"),
                filter("processor-info.supported-architecture", "i386")).get(0).processor().architectures());
        assertTrue(describe(List.of(), filter("bare-metal", "true")).stream().allMatch(InstanceType::bareMetal));
        assertTrue(describe(List.of(), filter("hypervisor", "xen")).stream()
                .allMatch(type -> "xen".equals(type.hypervisor())));
        assertEquals(Set.of("t3.micro", "t3.small", "t4g.micro", "t4g.small", "m7i-flex.large", "c7i-flex.large"),
                Set.copyOf(names(describe(List.of(), filter("free-tier-eligible", "true")))));
        assertEquals(List.of("d3.8xlarge", "d3en.12xlarge"), names(describe(List.of(),
                filter("instance-storage-info.disk.type", "hdd"), filter("instance-storage-info.disk.count", "24"),
                filter("instance-type", "d3*"))));
        assertEquals(List.of("p5.48xlarge"), names(describe(List.of(),
                filter("supported-usage-class", "capacity-block"),
                filter("network-info.maximum-network-cards", "32"))));
        assertTrue(names(describe(List.of(), filter("supported-root-device-type", "instance-store")))
                .contains("m3.medium"));
    }

    @Test
    void decimalFiltersAcceptEitherSpelling() {
        List<String> plain = names(describe(List.of(), filter("processor-info.sustained-clock-speed-in-ghz", "4"),
                filter("instance-type", "z1d.*")));
        List<String> java = names(describe(List.of(), filter("processor-info.sustained-clock-speed-in-ghz", "4.0"),
                filter("instance-type", "z1d.*")));
        assertEquals(7, plain.size());
        assertEquals(plain, java);
        assertEquals(List.of("t3.micro"), names(describe(List.of("t3.micro"),
                filter("ebs-info.ebs-optimized-info.baseline-throughput-in-mbps", "10.875"))));
    }

    @Test
    void anUnknownFilterIsRefusedNotIgnored() {
        CloudException refused = assertThrows(CloudException.class,
                () -> describe(List.of(), filter("vcpu-info.favourite-core", "1")));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, refused.code());
    }

    @Test
    void unknownTypesAreNamedInEc2sMessage() {
        CloudException refused = assertThrows(CloudException.class,
                () -> describe(List.of("t3.micro", "m9.huge", "x.y")));
        assertEquals(Ec2Error.INVALID_INSTANCE_TYPE, refused.code());
        assertEquals("InvalidInstanceType", refused.code().code());
        assertEquals("The following supplied instance types do not exist: [m9.huge, x.y]", refused.getMessage());
    }

    @Test
    void aRegionDescribesOnlyWhatItOffersUnlessAskedForMore() {
        assertThrows(CloudException.class, () -> service.describe("eu-west-1", List.of("p5.48xlarge"), List.of(),
                false, null, null));
        InstanceType p5 = service.describe("eu-west-1", List.of("p5.48xlarge"), List.of(), true, null, null)
                .items().get(0);
        assertFalse(service.supportedInRegion(p5, "eu-west-1"));
        assertTrue(service.supportedInRegion(p5, VIRGINIA));
        int ireland = service.describe("eu-west-1", List.of(), List.of(), false, null, null).items().size();
        int all = service.describe("eu-west-1", List.of(), List.of(), true, null, null).items().size();
        assertEquals(service.catalog().all().size(), all);
        assertTrue(ireland < all);
        assertEquals(all, service.describe("ap-east-2", List.of(), List.of(), true, null, null).items().size());
    }

    @Test
    void pagesCoverEveryTypeOnceInNameOrder() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<InstanceType> page = service.describe(VIRGINIA, List.of(), List.of(), false, 37, token);
            assertTrue(page.items().size() <= 37);
            seen.addAll(names(page.items()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        List<String> all = names(describe(List.of()));
        assertEquals(all, seen);
        assertEquals(new HashSet<>(all).size(), all.size());
        assertEquals((all.size() + 36) / 37, pages);
    }

    @Test
    void maxResultsMustBeBetween5And100() {
        for (int outOfRange : List.of(4, 101)) {
            CloudException refused = assertThrows(CloudException.class,
                    () -> service.describe(VIRGINIA, List.of(), List.of(), false, outOfRange, null));
            assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, refused.code());
        }
        CloudException badToken = assertThrows(CloudException.class,
                () -> service.describe(VIRGINIA, List.of(), List.of(), false, 5, "not-a-token"));
        assertEquals(Ec2Error.INVALID_PAGINATION_TOKEN, badToken.code());
        assertEquals(1000, service.offerings(VIRGINIA, LocationType.AVAILABILITY_ZONE, List.of(), 1000, null)
                .items().size());
    }

    @Test
    void offeringsByRegionZoneAndZoneId() {
        List<Offering> region = service.offerings(VIRGINIA, LocationType.REGION,
                List.of(filter("instance-type", "p5.48xlarge", "t3.micro")), null, null).items();
        assertEquals(List.of(new Offering("p5.48xlarge", LocationType.REGION, VIRGINIA),
                new Offering("t3.micro", LocationType.REGION, VIRGINIA)), region);
        assertEquals(List.of("us-east-1a", "us-east-1b"), locations(service.offerings(VIRGINIA,
                LocationType.AVAILABILITY_ZONE, List.of(filter("instance-type", "p5.48xlarge")), null, null)));
        assertEquals(List.of("use1-az1", "use1-az2"), locations(service.offerings(VIRGINIA,
                LocationType.AVAILABILITY_ZONE_ID, List.of(filter("instance-type", "p5.48xlarge")), null, null)));
        assertEquals(6, service.offerings(VIRGINIA, LocationType.AVAILABILITY_ZONE,
                List.of(filter("instance-type", "t3.micro")), null, null).items().size());
        assertEquals(List.of("t3.micro"), service.offerings(VIRGINIA, LocationType.AVAILABILITY_ZONE,
                List.of(filter("location", "us-east-1f"), filter("instance-type", "t3.mi*")), null, null).items()
                .stream().map(Offering::instanceType).toList());
        assertTrue(service.offerings(VIRGINIA, LocationType.OUTPOST, List.of(), null, null).items().isEmpty());
        assertTrue(service.offerings("me-central-1", LocationType.REGION, List.of(filter("instance-type", "t3.*")),
                null, null).items().isEmpty());
        assertThrows(CloudException.class, () -> service.offerings(VIRGINIA, LocationType.REGION,
                List.of(filter("availability-zone", "us-east-1a")), null, null));
    }

    @Test
    void offeringPagesCoverEveryOfferingOnce() {
        List<Offering> seen = new ArrayList<>();
        String token = null;
        do {
            Page<Offering> page = service.offerings(VIRGINIA, LocationType.AVAILABILITY_ZONE_ID, List.of(), 333, token);
            seen.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        assertEquals(service.offerings(VIRGINIA, LocationType.AVAILABILITY_ZONE_ID, List.of(), null, null).items(),
                seen);
    }

    @Test
    void locationTypeComesFromTheWireWithRegionAsDefault() {
        assertEquals(LocationType.REGION, LocationType.fromWire(null));
        assertEquals(LocationType.AVAILABILITY_ZONE_ID, LocationType.fromWire("availability-zone-id"));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE,
                assertThrows(CloudException.class, () -> LocationType.fromWire("planet")).code());
    }

    @Test
    void runInstancesAsksWhetherATypeIsOfferedInAZone() {
        assertTrue(service.isOffered("t3.micro", "us-east-1c"));
        assertTrue(service.isOffered("p5.48xlarge", "us-east-1b"));
        assertFalse(service.isOffered("p5.48xlarge", "us-east-1c"));
        assertFalse(service.isOffered("t3.micro", "us-east-1-bos-1a"));
        assertFalse(service.isOffered("m9.huge", "us-east-1a"));
        assertFalse(service.isOffered("t3.micro", "us-east-1z"));
        assertEquals(List.of("us-east-1a", "us-east-1b"),
                service.offeringZones("p5.48xlarge", VIRGINIA).stream().map(Zone::name).toList());
        assertEquals("t3.micro", service.requireOffered("t3.micro", "eu-west-1a").name());
    }

    @Test
    void runInstancesRefusalsUseEc2sWords() {
        CloudException elsewhere = assertThrows(CloudException.class,
                () -> service.requireOffered("p5.48xlarge", "us-east-1d"));
        assertEquals(Ec2Error.UNSUPPORTED, elsewhere.code());
        assertEquals("Your requested instance type (p5.48xlarge) is not supported in your requested Availability Zone "
                + "(us-east-1d). Please retry your request by not specifying an Availability Zone or choosing "
                + "us-east-1a, us-east-1b.", elsewhere.getMessage());
        CloudException nowhere = assertThrows(CloudException.class,
                () -> service.requireOffered("p5.48xlarge", "eu-west-1a"));
        assertEquals(Ec2Error.UNSUPPORTED, nowhere.code());
        CloudException unknown = assertThrows(CloudException.class,
                () -> service.requireOffered("m9.huge", "us-east-1a"));
        assertEquals(Ec2Error.INVALID_PARAMETER_VALUE, unknown.code());
        assertEquals("Invalid value 'm9.huge' for InstanceType.", unknown.getMessage());
        assertNull(service.catalog().find("m9.huge").orElse(null));
    }

    private List<InstanceType> describe(List<String> names, Filter... filters) {
        return service.describe(VIRGINIA, names, List.of(filters), false, null, null).items();
    }

    private static Filter filter(String name, String... values) {
        return new Filter(name, List.of(values));
    }

    private static List<String> names(List<InstanceType> types) {
        return types.stream().map(InstanceType::name).toList();
    }

    private static List<String> locations(Page<Offering> page) {
        return page.items().stream().map(Offering::location).toList();
    }
}
