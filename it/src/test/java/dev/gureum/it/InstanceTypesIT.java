package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;

/** DescribeInstanceTypes and DescribeInstanceTypeOfferings through the real SDK, its paginators and the aws CLI. */
class InstanceTypesIT {
    private static final List<String> M7I = List.of("m7i.12xlarge", "m7i.16xlarge", "m7i.24xlarge", "m7i.2xlarge",
            "m7i.48xlarge", "m7i.4xlarge", "m7i.8xlarge", "m7i.large", "m7i.metal-24xl", "m7i.metal-48xl",
            "m7i.xlarge");
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
    void cliFiltersByTypeWithAWildcardAndFollowsPages() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws");
        AwsCli aws = new AwsCli(server.endpoint());
        AwsCli.Result m7i = aws.run("ec2", "describe-instance-types", "--filters", "Name=instance-type,Values=m7i.*",
                "--page-size", "5", "--query", "InstanceTypes[].InstanceType", "--output", "text");
        assertTrue(m7i.ok(), m7i.stderr());
        assertEquals(new TreeSet<>(M7I), new TreeSet<>(Arrays.asList(m7i.stdout().trim().split("\\s+"))));
        AwsCli.Result large = aws.run("ec2", "describe-instance-types", "--instance-types", "m7i.large", "--query",
                "InstanceTypes[0].[VCpuInfo.DefaultVCpus,MemoryInfo.SizeInMiB,NetworkInfo.NetworkPerformance]",
                "--output", "text");
        assertEquals("2\t8192\tUp to 12.5 Gigabit", large.stdout().trim(), large.stderr());
        AwsCli.Result zones = aws.run("ec2", "describe-instance-type-offerings", "--location-type", "availability-zone",
                "--filters", "Name=instance-type,Values=p5.48xlarge", "--query", "InstanceTypeOfferings[].Location",
                "--output", "text");
        assertEquals("us-east-1a\tus-east-1b", zones.stdout().trim(), zones.stderr());
        AwsCli.Result unknown = aws.run("ec2", "describe-instance-types", "--instance-types", "m9.huge");
        assertFalse(unknown.ok());
        assertTrue(unknown.stderr().contains("InvalidInstanceType"),
                "exit " + unknown.exitCode() + ": " + unknown.stderr());
    }

    @Test
    void sdkPaginatorWalksEveryTypeOfTheRegionOnce() {
        List<String> names = ec2.describeInstanceTypesPaginator(r -> r.maxResults(25)).instanceTypes().stream()
                .map(InstanceTypeInfo::instanceTypeAsString).toList();
        assertTrue(names.size() >= 150, names.size() + " types");
        assertEquals(names.size(), new HashSet<>(names).size());
        int pages = 0;
        for (DescribeInstanceTypesResponse page : ec2.describeInstanceTypesPaginator(r -> r.maxResults(25))) {
            assertTrue(page.instanceTypes().size() <= 25);
            pages++;
        }
        assertEquals((names.size() + 24) / 25, pages);
        assertEquals(M7I, ec2.describeInstanceTypesPaginator(r -> r.maxResults(5)
                        .filters(filter("instance-type", "m7i.*")))
                .instanceTypes().stream().map(InstanceTypeInfo::instanceTypeAsString).toList());
    }

    @Test
    void theShapesCarryTheFacts() {
        List<InstanceTypeInfo> types = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("p5.48xlarge",
                "inf2.xlarge", "t3.micro", "d3en.12xlarge", "m7g.metal")).instanceTypes();
        InstanceTypeInfo d3en = types.get(0);
        assertEquals("d3en.12xlarge", d3en.instanceTypeAsString());
        assertEquals(24, d3en.instanceStorageInfo().disks().get(0).count());
        assertEquals("hdd", d3en.instanceStorageInfo().disks().get(0).typeAsString());
        InstanceTypeInfo inf2 = types.get(1);
        assertEquals("Inferentia2", inf2.neuronInfo().neuronDevices().get(0).name());
        assertEquals(2, inf2.neuronInfo().neuronDevices().get(0).coreInfo().count());
        assertEquals("AWS", inf2.inferenceAcceleratorInfo().accelerators().get(0).manufacturer());
        InstanceTypeInfo graviton = types.get(2);
        assertTrue(graviton.bareMetal());
        assertEquals(null, graviton.hypervisorAsString());
        assertEquals(List.of("arm64"), graviton.processorInfo().supportedArchitecturesAsStrings());
        InstanceTypeInfo p5 = types.get(3);
        assertEquals(8, p5.gpuInfo().gpus().get(0).count());
        assertEquals("H100", p5.gpuInfo().gpus().get(0).name());
        assertEquals(655360, p5.gpuInfo().totalGpuMemoryInMiB());
        assertEquals(32, p5.networkInfo().networkCards().size());
        assertTrue(p5.networkInfo().efaSupported());
        assertTrue(p5.supportedUsageClassesAsStrings().contains("capacity-block"));
        assertEquals(2, p5.vCpuInfo().validThreadsPerCore().size());
        InstanceTypeInfo micro = types.get(4);
        assertTrue(micro.burstablePerformanceSupported());
        assertTrue(micro.freeTierEligible());
        assertEquals("nitro", micro.hypervisorAsString());
        assertEquals(87, micro.ebsInfo().ebsOptimizedInfo().baselineBandwidthInMbps());
        assertEquals(10.875, micro.ebsInfo().ebsOptimizedInfo().baselineThroughputInMBps());
        assertTrue(micro.supportedInRegion());
        assertEquals(List.of("hvm"), micro.supportedVirtualizationTypesAsStrings());
    }

    @Test
    void filtersCombineAndUnknownOnesAreRefused() {
        Set<String> arm = new HashSet<>(ec2.describeInstanceTypesPaginator(r -> r.filters(
                        filter("processor-info.supported-architecture", "arm64"),
                        filter("vcpu-info.default-vcpus", "2"),
                        filter("memory-info.size-in-mib", "8192")))
                .instanceTypes().stream().map(InstanceTypeInfo::instanceTypeAsString).toList());
        assertEquals(Set.of("im4gn.large", "m6g.large", "m7g.large", "m8g.large", "t4g.large"), arm);
        Ec2PlatformIT.assertError(400, "InvalidParameterValue", () -> ec2.describeInstanceTypes(r -> r.filters(
                filter("vcpu-info.favourite-core", "1"))));
        Ec2PlatformIT.assertError(400, "InvalidParameterValue",
                () -> ec2.describeInstanceTypes(r -> r.maxResults(101)));
    }

    @Test
    void unknownTypesAndTypesTheRegionLacksAreInvalidInstanceType() {
        Ec2Exception unknown = Ec2PlatformIT.assertError(400, "InvalidInstanceType",
                () -> ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t3.micro", "m9.huge")));
        assertEquals("The following supplied instance types do not exist: [m9.huge]",
                unknown.awsErrorDetails().errorMessage());
        try (Ec2Client ireland = Clients.ec2(server.endpoint(), Region.EU_WEST_1, "test", "test")) {
            Ec2PlatformIT.assertError(400, "InvalidInstanceType",
                    () -> ireland.describeInstanceTypes(r -> r.instanceTypesWithStrings("p5.48xlarge")));
            InstanceTypeInfo p5 = ireland.describeInstanceTypes(r -> r.instanceTypesWithStrings("p5.48xlarge")
                    .includeUnsupportedInRegion(true)).instanceTypes().get(0);
            assertFalse(p5.supportedInRegion());
        }
    }

    @Test
    void offeringsByRegionCoverEveryDescribedType() {
        List<InstanceTypeOffering> offerings = ec2.describeInstanceTypeOfferingsPaginator(r -> r.maxResults(100))
                .instanceTypeOfferings().stream().toList();
        assertTrue(offerings.stream().allMatch(offering -> offering.location().equals("us-east-1")
                && offering.locationType() == LocationType.REGION));
        long described = ec2.describeInstanceTypesPaginator(r -> r.maxResults(100)).instanceTypes().stream().count();
        assertEquals(described, offerings.size());
    }

    @Test
    void offeringsByZoneAndZoneId() {
        assertEquals(List.of("us-east-1a", "us-east-1b"), ec2.describeInstanceTypeOfferingsPaginator(r -> r
                        .locationType(LocationType.AVAILABILITY_ZONE).filters(filter("instance-type", "p5.48xlarge")))
                .instanceTypeOfferings().stream().map(InstanceTypeOffering::location).toList());
        assertEquals(List.of("use1-az1", "use1-az2"), ec2.describeInstanceTypeOfferings(r -> r
                        .locationType(LocationType.AVAILABILITY_ZONE_ID)
                        .filters(filter("instance-type", "p5.48xlarge")))
                .instanceTypeOfferings().stream().map(InstanceTypeOffering::location).toList());
        List<String> inZoneF = ec2.describeInstanceTypeOfferingsPaginator(r -> r.maxResults(1000)
                        .locationType(LocationType.AVAILABILITY_ZONE).filters(filter("location", "us-east-1f")))
                .instanceTypeOfferings().stream().map(InstanceTypeOffering::instanceTypeAsString).toList();
        assertTrue(inZoneF.contains("t3.micro"));
        assertFalse(inZoneF.contains("p5.48xlarge"));
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
