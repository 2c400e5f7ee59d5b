package dev.gureum.it;

import static dev.gureum.it.Ec2PlatformIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The network control plane through the real SDK: the default VPC of every region, VPCs, subnets,
 * gateways, route tables, network ACLs and DHCP options with EC2's refusals (what instances get from it is
 * {@link NetworkInterfacesIT}'s). Each test works in its own account, so none sees another's VPCs.
 */
class NetworkIT {
    private static GureumProcess server;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--auth", "any", "--max-instances", "100");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Ec2Client account(String id) {
        return Clients.ec2(server.endpoint(), Region.US_EAST_1, id, "secret");
    }

    @Test
    void everyRegionHasADefaultVpcWithItsCompanions() {
        try (Ec2Client ec2 = account("100000000001");
             Ec2Client ireland = Clients.ec2(server.endpoint(), Region.EU_WEST_1, "100000000001", "secret")) {
            Vpc vpc = defaultVpc(ec2);
            assertEquals("172.31.0.0/16", vpc.cidrBlock());
            assertEquals("172.31.0.0/16", defaultVpc(ireland).cidrBlock());
            assertNotEquals(vpc.vpcId(), defaultVpc(ireland).vpcId());
            assertEquals(vpc.vpcId(), ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("default-vpc"))
                    .accountAttributes().get(0).attributeValues().get(0).attributeValue());

            List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpc.vpcId()))).subnets();
            assertEquals(6, subnets.size(), "one default subnet per availability zone of us-east-1");
            Subnet first = subnets.stream().filter(s -> s.availabilityZone().equals("us-east-1a")).findFirst().orElseThrow();
            assertEquals("172.31.0.0/20", first.cidrBlock());
            assertEquals(4091, first.availableIpAddressCount(), "4,096 less EC2's five reserved addresses");
            assertTrue(first.defaultForAz() && first.mapPublicIpOnLaunch());

            String gateway = ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc.vpcId())))
                    .internetGateways().get(0).internetGatewayId();
            RouteTable main = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc.vpcId()),
                    filter("association.main", "true"))).routeTables().get(0);
            assertEquals(List.of("172.31.0.0/16 local active", "0.0.0.0/0 " + gateway + " active"), main.routes().stream()
                    .map(route -> route.destinationCidrBlock() + " " + route.gatewayId() + " " + route.stateAsString())
                    .toList());

            var group = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc.vpcId()))).securityGroups().get(0);
            assertEquals("default", group.groupName());
            assertEquals("default VPC security group", group.description());

            NetworkAcl acl = ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc.vpcId()))).networkAcls().get(0);
            assertTrue(acl.isDefault());
            assertEquals(6, acl.associations().size(), "the default ACL guards every default subnet");
            assertEquals(List.of("false 100 allow", "false 32767 deny", "true 100 allow", "true 32767 deny"),
                    acl.entries().stream().map(e -> e.egress() + " " + e.ruleNumber() + " " + e.ruleActionAsString())
                            .toList());
            assertEquals(List.of("domain-name=[ec2.internal]", "domain-name-servers=[AmazonProvidedDNS]"),
                    ec2.describeDhcpOptions(r -> r.dhcpOptionsIds(vpc.dhcpOptionsId())).dhcpOptions().get(0)
                            .dhcpConfigurations().stream().map(c -> c.key() + "=" + c.values().stream()
                                    .map(v -> v.value()).toList()).toList());

            String own = ec2.createDhcpOptions(r -> r.dhcpConfigurations(
                    c -> c.key("domain-name").values("corp.example"),
                    c -> c.key("domain-name-servers").values("10.0.0.2", "AmazonProvidedDNS"))).dhcpOptions()
                    .dhcpOptionsId();
            assertEquals(List.of("domain-name=[corp.example]", "domain-name-servers=[10.0.0.2, AmazonProvidedDNS]"),
                    ec2.describeDhcpOptions(r -> r.dhcpOptionsIds(own)).dhcpOptions().get(0).dhcpConfigurations()
                            .stream().map(c -> c.key() + "=" + c.values().stream().map(v -> v.value()).toList())
                            .toList());
            ec2.associateDhcpOptions(r -> r.dhcpOptionsId(own).vpcId(vpc.vpcId()));
            assertEquals(own, ec2.describeVpcs(r -> r.vpcIds(vpc.vpcId())).vpcs().get(0).dhcpOptionsId());
            assertError(400, "DependencyViolation", () -> ec2.deleteDhcpOptions(r -> r.dhcpOptionsId(own)));
            ec2.associateDhcpOptions(r -> r.dhcpOptionsId("default").vpcId(vpc.vpcId()));
            assertEquals("default", ec2.describeVpcs(r -> r.vpcIds(vpc.vpcId())).vpcs().get(0).dhcpOptionsId());
            ec2.deleteDhcpOptions(r -> r.dhcpOptionsId(own));
            assertError(400, "InvalidDhcpOptionID.NotFound", () -> ec2.associateDhcpOptions(r -> r
                    .dhcpOptionsId(own).vpcId(vpc.vpcId())));
            assertError(400, "InvalidParameterValue", () -> ec2.createDhcpOptions(r -> r.dhcpConfigurations(
                    c -> c.key("favourite-colour").values("blue"))));
            assertError(400, "InvalidParameterValue", () -> ec2.createDhcpOptions(r -> r.dhcpConfigurations(
                    c -> c.key("ntp-servers").values("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"))));
            ec2.associateDhcpOptions(r -> r.dhcpOptionsId(vpc.dhcpOptionsId()).vpcId(vpc.vpcId()));
        }
    }

    @Test
    void aDeletedDefaultVpcStaysGoneUntilCreateDefaultVpc() {
        try (Ec2Client ec2 = account("100000000007")) {
            String vpc = defaultVpc(ec2).vpcId();
            assertError(400, "DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc)));
            assertError(400, "DefaultVpcAlreadyExists", () -> ec2.createDefaultVpc(r -> { }));
            String gateway = ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc)))
                    .internetGateways().get(0).internetGatewayId();
            ec2.detachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));
            ec2.deleteInternetGateway(r -> r.internetGatewayId(gateway));
            ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpc))).subnets()
                    .forEach(subnet -> ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId())));
            ec2.deleteVpc(r -> r.vpcId(vpc));
            assertEquals("none", ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("default-vpc"))
                    .accountAttributes().get(0).attributeValues().get(0).attributeValue());
            assertError(400, "VPCIdNotSpecified", () -> launch(ec2, r -> { }));

            Vpc recreated = ec2.createDefaultVpc(r -> { }).vpc();
            assertTrue(recreated.isDefault());
            assertNotEquals(vpc, recreated.vpcId());
            assertEquals("172.31.16.4", launch(ec2, r -> r.placement(p -> p.availabilityZone("us-east-1b")))
                    .privateIpAddress(), "instances land in the new default subnet of their zone");
        }
    }

    @Test
    void vpcsAndSubnetsKeepToTheirBlocks() {
        try (Ec2Client ec2 = account("100000000002")) {
            assertError(400, "InvalidVpc.Range", () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/8")));
            assertError(400, "InvalidParameterValue", () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.1/16")));
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            assertError(400, "InvalidSubnet.Range", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/24")));
            assertError(400, "InvalidSubnet.Range", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/29")));
            Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1b"))
                    .subnet();
            assertEquals(251, subnet.availableIpAddressCount());
            assertTrue(!subnet.defaultForAz() && !subnet.mapPublicIpOnLaunch());
            assertError(400, "InvalidSubnet.Conflict", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.128/25")));
            assertError(400, "InvalidParameterValue",
                    () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1z")));
            assertError(400, "DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc)));

            ec2.modifySubnetAttribute(r -> r.subnetId(subnet.subnetId()).mapPublicIpOnLaunch(v -> v.value(true)));
            ec2.modifySubnetAttribute(r -> r.subnetId(subnet.subnetId()).enableDns64(v -> v.value(false)));
            assertError(400, "InvalidParameterCombination", () -> ec2.modifySubnetAttribute(r -> r
                    .subnetId(subnet.subnetId()).mapPublicIpOnLaunch(v -> v.value(false))
                    .enableDns64(v -> v.value(false))));
            assertError(400, "UnsupportedOperation", () -> ec2.modifySubnetAttribute(r -> r.subnetId(subnet.subnetId())
                    .enableResourceNameDnsARecordOnLaunch(v -> v.value(true))));
            assertEquals("ip-name", ec2.describeSubnets(r -> r.subnetIds(subnet.subnetId())).subnets().get(0)
                    .privateDnsNameOptionsOnLaunch().hostnameTypeAsString());
            assertTrue(ec2.describeSubnets(r -> r.subnetIds(subnet.subnetId())).subnets().get(0).mapPublicIpOnLaunch());
            assertEquals(false, ec2.describeVpcAttribute(r -> r.vpcId(vpc).attribute("enableDnsHostnames"))
                    .enableDnsHostnames().value());
            ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(v -> v.value(true)));
            assertEquals(true, ec2.describeVpcAttribute(r -> r.vpcId(vpc).attribute("enableDnsHostnames"))
                    .enableDnsHostnames().value());
            ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableNetworkAddressUsageMetrics(v -> v.value(false)));
            assertEquals(List.of(), ec2.describeVpcEndpoints(r -> r.filters(filter("vpc-id", vpc))).vpcEndpoints());
            assertError(400, "InvalidVpcEndpointId.NotFound", () -> ec2.describeVpcEndpoints(r -> r
                    .vpcEndpointIds("vpce-0123456789abcdef0")));
            assertError(400, "UnsupportedOperation", () -> ec2.modifyVpcAttribute(r -> r.vpcId(vpc)
                    .enableNetworkAddressUsageMetrics(v -> v.value(true))));

            for (int i = 2; i <= 4; i++) {
                String block = "10." + i + ".0.0/16";
                ec2.createVpc(r -> r.cidrBlock(block));
            }
            assertError(400, "VpcLimitExceeded", () -> ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")));
            assertError(400, "InvalidVpcId.Malformed", () -> ec2.describeVpcs(r -> r.vpcIds("vpc-123")));
            assertError(400, "InvalidVpcID.NotFound", () -> ec2.describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")));

            ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId()));
            ec2.deleteVpc(r -> r.vpcId(vpc));
            assertError(400, "InvalidVpcID.NotFound", () -> ec2.describeVpcs(r -> r.vpcIds(vpc)));
        }
    }

    @Test
    void gatewaysRoutesAndAclsRefuseWhatEc2Refuses() {
        try (Ec2Client ec2 = account("100000000003")) {
            assertError(400, "UnsupportedOperation", () -> ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")
                    .amazonProvidedIpv6CidrBlock(true)));
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            assertError(400, "InvalidParameterCombination", () -> ec2.createSubnet(r -> r.vpcId(vpc)
                    .cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a").availabilityZoneId("use1-az2")));
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
            String gateway = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
            assertError(400, "Gateway.NotAttached",
                    () -> ec2.detachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc)));
            String early = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            assertError(400, "InvalidParameterValue", () -> ec2.createRoute(r -> r.routeTableId(early)
                    .destinationCidrBlock("0.0.0.0/0").gatewayId(gateway)));
            ec2.deleteRouteTable(r -> r.routeTableId(early));
            ec2.attachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));
            assertError(400, "Resource.AlreadyAssociated",
                    () -> ec2.attachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc)));
            assertError(400, "DependencyViolation", () -> ec2.deleteInternetGateway(r -> r.internetGatewayId(gateway)));

            String table = ec2.createRouteTable(r -> r.vpcId(vpc).clientToken("table-1")).routeTable().routeTableId();
            assertEquals(table, ec2.createRouteTable(r -> r.vpcId(vpc).clientToken("table-1")).routeTable()
                    .routeTableId(), "a retry with the same client token answers the same table");
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway));
            assertError(400, "RouteAlreadyExists",
                    () -> ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway)));
            assertError(400, "InvalidParameterValue",
                    () -> ec2.deleteRoute(r -> r.routeTableId(table).destinationCidrBlock("10.0.0.0/16")));
            assertError(400, "InvalidParameterValue", () -> ec2.createRoute(r -> r.routeTableId(table)
                    .destinationCidrBlock("10.0.5.0/24").gatewayId(gateway)));
            assertError(400, "InvalidRoute.NotFound",
                    () -> ec2.deleteRoute(r -> r.routeTableId(table).destinationCidrBlock("192.168.0.0/16")));
            String association = ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet)).associationId();
            assertError(400, "Resource.AlreadyAssociated",
                    () -> ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet)));
            assertError(400, "DependencyViolation", () -> ec2.deleteRouteTable(r -> r.routeTableId(table)));

            ec2.detachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));
            assertEquals("blackhole", ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0)
                    .routes().get(1).stateAsString(), "a route to a detached gateway leads nowhere");
            ec2.disassociateRouteTable(r -> r.associationId(association));
            ec2.deleteRouteTable(r -> r.routeTableId(table));
            ec2.deleteInternetGateway(r -> r.internetGatewayId(gateway));

            String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc).clientToken("acl-1")).networkAcl().networkAclId();
            assertEquals(acl, ec2.createNetworkAcl(r -> r.vpcId(vpc).clientToken("acl-1")).networkAcl().networkAclId());
            assertError(400, "IdempotentParameterMismatch", () -> ec2.createNetworkAcl(r -> r.vpcId(vpc)
                    .clientToken("acl-1").tagSpecifications(t -> t.resourceType("network-acl")
                            .tags(tag -> tag.key("k").value("v")))));
            ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("tcp").egress(false)
                    .ruleAction(RuleAction.ALLOW).cidrBlock("0.0.0.0/0").portRange(p -> p.from(22).to(22)));
            assertError(400, "NetworkAclEntryAlreadyExists", () -> ec2.createNetworkAclEntry(r -> r.networkAclId(acl)
                    .ruleNumber(100).protocol("tcp").egress(false).ruleAction(RuleAction.DENY).cidrBlock("0.0.0.0/0")
                    .portRange(p -> p.from(80).to(80))));
            NetworkAclEntry entry = ec2.describeNetworkAcls(r -> r.networkAclIds(acl)).networkAcls().get(0).entries().get(0);
            assertEquals("6 22-22 allow", entry.protocol() + " " + entry.portRange().from() + "-" + entry.portRange().to()
                    + " " + entry.ruleActionAsString());
            NetworkAcl defaultAcl = ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc), filter("default", "true")))
                    .networkAcls().get(0);
            assertError(400, "InvalidParameterValue", () -> ec2.deleteNetworkAcl(r -> r.networkAclId(defaultAcl.networkAclId())));
            String aclAssociation = defaultAcl.associations().get(0).networkAclAssociationId();
            ec2.replaceNetworkAclAssociation(r -> r.associationId(aclAssociation).networkAclId(acl));
            assertError(400, "DependencyViolation", () -> ec2.deleteNetworkAcl(r -> r.networkAclId(acl)));
        }
    }

    /**
     * Parallel CreateTags on one resource race for its record: each is made again from what the others committed,
     * so every one lands, and none answers a 500 (a client without retries sees it all).
     */
    @Test
    void parallelTagsOnOneVpcAllLand() throws Exception {
        int callers = 16;
        try (Ec2Client ec2 = account("100000000005");
             var pool = java.util.concurrent.Executors.newFixedThreadPool(callers)) {
            String vpcId = defaultVpc(ec2).vpcId();
            List<java.util.concurrent.Future<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String key = "parallel-" + i;
                calls.add(pool.submit(() -> {
                    try {
                        ec2.createTags(r -> r.resources(vpcId).tags(t -> t.key(key).value("v")));
                        return "ok";
                    } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                        return e.statusCode() + " " + e.awsErrorDetails().errorCode();
                    }
                }));
            }
            List<String> answers = new java.util.ArrayList<>();
            for (var call : calls) {
                answers.add(call.get());
            }
            assertTrue(answers.stream().allMatch(answer -> answer.equals("ok") || answer.equals("503 ServiceUnavailable")),
                    "each call lands or is asked to retry: " + answers);
            long landed = defaultVpc(ec2).tags().stream().filter(tag -> tag.key().startsWith("parallel-")).count();
            assertEquals(answers.stream().filter("ok"::equals).count(), landed);
        }
    }

    static Vpc defaultVpc(Ec2Client ec2) {
        return ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().get(0);
    }

    static String image(Ec2Client ec2) {
        return ec2.describeImages(r -> r.owners("amazon").filters(filter("name", "debian-12-amd64-*")))
                .images().get(0).imageId();
    }

    static Instance launch(Ec2Client ec2,
                                   java.util.function.Consumer<software.amazon.awssdk.services.ec2.model.RunInstancesRequest.Builder> network) {
        String image = image(ec2);
        return ec2.runInstances(r -> {
            r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1);
            network.accept(r);
        }).instances().get(0);
    }

    static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
