package dev.gureum.it;

import static dev.gureum.it.Ec2PlatformIT.assertError;
import static dev.gureum.it.NetworkIT.defaultVpc;
import static dev.gureum.it.NetworkIT.filter;
import static dev.gureum.it.NetworkIT.image;
import static dev.gureum.it.NetworkIT.launch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AddressAttribute;
import software.amazon.awssdk.services.ec2.model.AddressAttributeName;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * What instances get from the network, through the real SDK: an interface with a private address from their
 * subnet, a public address that changes across a stop and start, Elastic IPs that do not, a /28 that runs out
 * after its eleven usable addresses, interfaces of their own with secondary addresses, and security groups that
 * follow their interfaces. Each test works in its own account, so none sees another's.
 */
class NetworkInterfacesIT {
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
    void instancesGetAnInterfaceAndAddressesThatFollowTheirLifecycle() {
        try (Ec2Client ec2 = account("100000000004")) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(v -> v.value(true)));
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"))
                    .subnet().subnetId();
            String gateway = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));

            Instance instance = launch(ec2, r -> r.subnetId(subnet));
            assertEquals("10.0.1.4", instance.privateIpAddress(), "the first address after EC2's reserved four");
            assertEquals("ip-10-0-1-4.ec2.internal", instance.privateDnsName());
            assertEquals(subnet, instance.subnetId());
            assertEquals(vpc, instance.vpcId());
            assertNull(instance.publicIpAddress(), "the subnet does not map public addresses");
            assertEquals("default", instance.securityGroups().get(0).groupName());
            assertEquals(1, instance.networkInterfaces().size());

            Instance chosen = launch(ec2, r -> r.subnetId(subnet).privateIpAddress("10.0.1.50"));
            assertEquals("10.0.1.50", chosen.privateIpAddress());
            assertError(400, "InvalidIPAddress.InUse", () -> launch(ec2, r -> r.subnetId(subnet).privateIpAddress("10.0.1.50")));
            assertError(400, "InvalidParameterValue", () -> launch(ec2, r -> r.subnetId(subnet).privateIpAddress("10.0.1.255")));

            Instance mapped = launch(ec2, r -> r.networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet)
                    .associatePublicIpAddress(true)));
            String firstPublic = mapped.publicIpAddress();
            assertNotNull(firstPublic);
            assertTrue(mapped.publicDnsName().startsWith("ec2-" + firstPublic.replace('.', '-')));
            assertEquals(List.of(mapped.instanceId()), ids(ec2.describeInstances(r -> r.filters(
                    filter("ip-address", firstPublic))).reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream()).toList()));
            ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(v -> v.value(false)));
            assertEquals("", describe(ec2, mapped.instanceId()).publicDnsName(),
                    "the instance is unchanged, but its VPC no longer names public addresses");
            ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(v -> v.value(true)));
            assertEquals(mapped.publicDnsName(), describe(ec2, mapped.instanceId()).publicDnsName());

            ec2.stopInstances(r -> r.instanceIds(mapped.instanceId()));
            Instance stopped = describe(ec2, mapped.instanceId());
            assertNull(stopped.publicIpAddress(), "a stopped instance gives its public address back");
            assertEquals(mapped.privateIpAddress(), stopped.privateIpAddress(), "and keeps its private one");
            ec2.startInstances(r -> r.instanceIds(mapped.instanceId()));
            String secondPublic = describe(ec2, mapped.instanceId()).publicIpAddress();
            assertNotNull(secondPublic);
            assertNotEquals(firstPublic, secondPublic, "a started instance draws a new public address");

            assertError(400, "UnsupportedOperation", () -> ec2.allocateAddress(r -> r.address("198.18.0.200")));
            assertError(400, "InvalidParameterValue", () -> ec2.allocateAddress(r -> r.networkBorderGroup("us-west-2")));
            String allocation = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
            String elastic = ec2.describeAddresses(r -> r.allocationIds(allocation)).addresses().get(0).publicIp();
            AddressAttribute domainName = ec2.describeAddressesAttribute(r -> r.allocationIds(allocation)
                    .attribute(AddressAttributeName.DOMAIN_NAME)).addresses().get(0);
            assertEquals(List.of(allocation, elastic), List.of(domainName.allocationId(), domainName.publicIp()));
            assertNull(domainName.ptrRecord(), "no reverse DNS record was ever set");
            String associated = ec2.associateAddress(r -> r.instanceId(mapped.instanceId()).allocationId(allocation))
                    .associationId();
            assertEquals(elastic, describe(ec2, mapped.instanceId()).publicIpAddress(), "the Elastic IP replaces it");
            assertEquals(associated, ec2.associateAddress(r -> r.instanceId(mapped.instanceId())
                    .allocationId(allocation)).associationId(), "asking again changes nothing");
            assertError(400, "Resource.AlreadyAssociated", () -> ec2.associateAddress(r -> r.instanceId(
                    chosen.instanceId()).allocationId(allocation).allowReassociation(false)));
            assertError(400, "InvalidParameterCombination", () -> ec2.associateAddress(r -> r.instanceId(
                    chosen.instanceId()).networkInterfaceId(chosen.networkInterfaces().get(0).networkInterfaceId())
                    .allocationId(allocation)));
            ec2.associateAddress(r -> r.instanceId(chosen.instanceId()).allocationId(allocation));
            assertEquals(elastic, describe(ec2, chosen.instanceId()).publicIpAddress(), "reassociation is automatic");
            String redrawn = describe(ec2, mapped.instanceId()).publicIpAddress();
            assertNotNull(redrawn, "the instance the Elastic IP left draws a public address again, as on EC2");
            assertNotEquals(elastic, redrawn);
            ec2.associateAddress(r -> r.instanceId(mapped.instanceId()).allocationId(allocation));
            assertEquals(elastic, describe(ec2, mapped.instanceId()).publicIpAddress());
            ec2.stopInstances(r -> r.instanceIds(mapped.instanceId()));
            ec2.startInstances(r -> r.instanceIds(mapped.instanceId()));
            assertEquals(elastic, describe(ec2, mapped.instanceId()).publicIpAddress(), "and survives stop and start");
            assertError(400, "InvalidIPAddress.InUse", () -> ec2.releaseAddress(r -> r.allocationId(allocation)));
            String primaryInterface = describe(ec2, mapped.instanceId()).networkInterfaces().get(0).networkInterfaceId();
            String secondaryAddress = ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(primaryInterface)
                    .secondaryPrivateIpAddressCount(1)).assignedPrivateIpAddresses().get(0).privateIpAddress();
            String another = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
            assertError(400, "UnsupportedOperation", () -> ec2.associateAddress(r -> r.allocationId(another)
                    .networkInterfaceId(primaryInterface).privateIpAddress(secondaryAddress)));
            assertEquals(elastic, describe(ec2, mapped.instanceId()).publicIpAddress(),
                    "an Elastic IP on another address of the interface is never taken away silently");
            ec2.releaseAddress(r -> r.allocationId(another));
            String associationId = ec2.describeAddresses(r -> r.publicIps(elastic)).addresses().get(0).associationId();
            ec2.disassociateAddress(r -> r.associationId(associationId));
            String drawn = describe(ec2, mapped.instanceId()).publicIpAddress();
            assertNotNull(drawn, "a running instance that maps public addresses draws one again");
            assertNotEquals(elastic, drawn);
            ec2.releaseAddress(r -> r.allocationId(allocation));
            assertError(400, "InvalidAllocationID.NotFound", () -> ec2.describeAddresses(r -> r.allocationIds(allocation)));
            for (int i = 0; i < 5; i++) {
                ec2.allocateAddress(r -> r.domain("vpc"));
            }
            assertError(400, "AddressLimitExceeded", () -> ec2.allocateAddress(r -> r.domain("vpc")));

            assertError(400, "DependencyViolation", () -> ec2.detachInternetGateway(r -> r.internetGatewayId(gateway)
                    .vpcId(vpc)));
            ec2.terminateInstances(r -> r.instanceIds(instance.instanceId(), chosen.instanceId(), mapped.instanceId()));
            assertEquals(251, ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).availableIpAddressCount(),
                    "terminated instances give their addresses back");
            assertEquals(0, ec2.describeNetworkInterfaces(r -> r.filters(filter("subnet-id", subnet)))
                    .networkInterfaces().size());
        }
    }

    @Test
    void aSlash28RunsOutAfterElevenAddresses() {
        try (Ec2Client ec2 = account("100000000005")) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/28")).subnet();
            assertEquals(11, subnet.availableIpAddressCount());
            List<Instance> launched = ec2.runInstances(r -> r.imageId(image(ec2)).instanceType("t3.micro")
                    .subnetId(subnet.subnetId()).minCount(11).maxCount(11)).instances();
            assertEquals("10.0.0.4", launched.get(0).privateIpAddress());
            assertEquals("10.0.0.14", launched.get(10).privateIpAddress());
            assertEquals(0, ec2.describeSubnets(r -> r.subnetIds(subnet.subnetId())).subnets().get(0)
                    .availableIpAddressCount());
            assertError(400, "InsufficientFreeAddressesInSubnet",
                    () -> launch(ec2, r -> r.subnetId(subnet.subnetId())));
            ec2.terminateInstances(r -> r.instanceIds(launched.get(3).instanceId()));
            assertEquals("10.0.0.7", launch(ec2, r -> r.subnetId(subnet.subnetId())).privateIpAddress(),
                    "the freed address is handed out again");

            Subnet wide = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet();
            List<Instance> withSecondaries = ec2.runInstances(r -> r.imageId(image(ec2)).instanceType("t3.micro")
                    .minCount(2).maxCount(2).networkInterfaces(eni -> eni.deviceIndex(0).subnetId(wide.subnetId())
                            .secondaryPrivateIpAddressCount(2))).instances();
            assertEquals(List.of("10.0.1.4 true", "10.0.1.6 false", "10.0.1.7 false"), withSecondaries.get(0)
                    .networkInterfaces().get(0).privateIpAddresses().stream()
                    .map(address -> address.privateIpAddress() + " " + address.primary()).toList(),
                    "each interface its primary, then two secondaries from what is free");
            Instance named = ec2.runInstances(r -> r.imageId(image(ec2)).instanceType("t3.micro").minCount(1)
                    .maxCount(1).networkInterfaces(eni -> eni.deviceIndex(0).subnetId(wide.subnetId())
                            .privateIpAddresses(address -> address.privateIpAddress("10.0.1.50").primary(true),
                                    address -> address.privateIpAddress("10.0.1.51").primary(false)))).instances()
                    .get(0);
            assertEquals(List.of("10.0.1.50", "10.0.1.51"), named.networkInterfaces().get(0).privateIpAddresses()
                    .stream().map(address -> address.privateIpAddress()).toList());

            Instance kept = ec2.runInstances(r -> r.imageId(image(ec2)).instanceType("t3.micro").minCount(1)
                    .maxCount(1).networkInterfaces(eni -> eni.deviceIndex(0).subnetId(wide.subnetId())
                            .description("kept nic").deleteOnTermination(false))).instances().get(0);
            String keptInterface = kept.networkInterfaces().get(0).networkInterfaceId();
            assertEquals("kept nic false", kept.networkInterfaces().get(0).description() + " "
                    + kept.networkInterfaces().get(0).attachment().deleteOnTermination());
            ec2.terminateInstances(r -> r.instanceIds(kept.instanceId()));
            ec2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(kept.instanceId()));
            assertEquals("available", ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(keptInterface))
                    .networkInterfaces().get(0).statusAsString(), "an interface asked to stay outlives its instance");
            assertError(400, "InvalidParameterValue", () -> ec2.runInstances(r -> r.imageId(image(ec2))
                    .instanceType("t3.micro").minCount(1).maxCount(1).networkInterfaces(eni -> eni
                            .subnetId(wide.subnetId()))));
        }
    }

    @Test
    void networkInterfacesAttachDetachAndHoldSecondaryAddresses() {
        try (Ec2Client ec2 = account("100000000006")) {
            Instance instance = launch(ec2, r -> { });
            String subnet = instance.subnetId();
            var eni = ec2.createNetworkInterface(r -> r.subnetId(subnet).description("second")).networkInterface();
            assertEquals("available", eni.statusAsString());
            assertTrue(eni.macAddress().startsWith("02:"));
            String attachment = ec2.attachNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())
                    .instanceId(instance.instanceId()).deviceIndex(1)).attachmentId();
            assertEquals(2, describe(ec2, instance.instanceId()).networkInterfaces().size());
            assertError(400, "InvalidNetworkInterface.InUse",
                    () -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())));
            String primaryAttachment = instance.networkInterfaces().get(0).attachment().attachmentId();
            assertError(400, "OperationNotPermitted",
                    () -> ec2.detachNetworkInterface(r -> r.attachmentId(primaryAttachment)));

            List<String> assigned = ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(eni.networkInterfaceId())
                    .secondaryPrivateIpAddressCount(2)).assignedPrivateIpAddresses().stream()
                    .map(address -> address.privateIpAddress()).toList();
            assertEquals(3, ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                    .networkInterfaces().get(0).privateIpAddresses().size());
            assertEquals(List.of(eni.networkInterfaceId()), ec2.describeNetworkInterfaces(r -> r.filters(
                    filter("addresses.private-ip-address", assigned.get(1)))).networkInterfaces().stream()
                    .map(found -> found.networkInterfaceId()).toList(), "a secondary address finds its interface");
            ec2.unassignPrivateIpAddresses(r -> r.networkInterfaceId(eni.networkInterfaceId())
                    .privateIpAddresses(assigned.get(0)));
            var third = ec2.createNetworkInterface(r -> r.subnetId(subnet).clientToken("third")).networkInterface();
            assertEquals(third.networkInterfaceId(), ec2.createNetworkInterface(r -> r.subnetId(subnet)
                    .clientToken("third")).networkInterface().networkInterfaceId());
            assertError(400, "InvalidIPAddress.InUse", () -> ec2.assignPrivateIpAddresses(r -> r
                    .networkInterfaceId(third.networkInterfaceId()).privateIpAddresses(assigned.get(1))));
            ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(third.networkInterfaceId())
                    .privateIpAddresses(assigned.get(1)).allowReassignment(true));
            assertEquals(List.of(third.networkInterfaceId()), ec2.describeNetworkInterfaces(r -> r.filters(
                    filter("addresses.private-ip-address", assigned.get(1)))).networkInterfaces().stream()
                    .map(found -> found.networkInterfaceId()).toList(), "AllowReassignment moves a secondary address");
            assertError(400, "InvalidParameterCombination", () -> ec2.assignPrivateIpAddresses(r -> r
                    .networkInterfaceId(third.networkInterfaceId()).privateIpAddresses(assigned.get(0))
                    .secondaryPrivateIpAddressCount(1)));
            assertError(400, "PrivateIpAddressLimitExceeded", () -> ec2.assignPrivateIpAddresses(r -> r
                    .networkInterfaceId(third.networkInterfaceId()).secondaryPrivateIpAddressCount(Integer.MAX_VALUE)));
            assertError(400, "PrivateIpAddressLimitExceeded", () -> ec2.createNetworkInterface(r -> r.subnetId(subnet)
                    .secondaryPrivateIpAddressCount(Integer.MAX_VALUE)));
            ec2.deleteNetworkInterface(r -> r.networkInterfaceId(third.networkInterfaceId()));
            assertError(400, "InvalidParameterCombination", () -> ec2.modifyNetworkInterfaceAttribute(r -> r
                    .networkInterfaceId(eni.networkInterfaceId()).sourceDestCheck(v -> v.value(false))
                    .description(v -> v.value("both"))));
            assertError(400, "InvalidAttachmentID.NotFound", () -> ec2.modifyNetworkInterfaceAttribute(r -> r
                    .networkInterfaceId(eni.networkInterfaceId()).attachment(a -> a
                            .attachmentId("eni-attach-00000000000000000").deleteOnTermination(false))));
            ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                    .sourceDestCheck(v -> v.value(false)));
            assertEquals(false, ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                    .networkInterfaces().get(0).sourceDestCheck());
            assertEquals(false, ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                    .attribute("sourceDestCheck")).sourceDestCheck().value());
            assertEquals("second", ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni
                    .networkInterfaceId()).attribute("description")).description().value());
            assertEquals(attachment, ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni
                    .networkInterfaceId()).attribute("attachment")).attachment().attachmentId());
            ec2.resetNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                    .sourceDestCheck("sourceDestCheck"));
            assertEquals(true, ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                    .attribute("sourceDestCheck")).sourceDestCheck().value(), "reset to its default");
            ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                    .sourceDestCheck(v -> v.value(false)));

            var named = ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddresses(
                    address -> address.privateIpAddress(prefix(instance) + "200").primary(true),
                    address -> address.privateIpAddress(prefix(instance) + "201").primary(false))).networkInterface();
            assertEquals(List.of(prefix(instance) + "200 true", prefix(instance) + "201 false"), named
                    .privateIpAddresses().stream().map(address -> address.privateIpAddress() + " " + address.primary())
                    .toList(), "the addresses a Terraform aws_network_interface names with private_ips");
            ec2.deleteNetworkInterface(r -> r.networkInterfaceId(named.networkInterfaceId()));
            assertError(400, "UnsupportedOperation", () -> ec2.createNetworkInterface(r -> r.subnetId(subnet)
                    .ipv6AddressCount(1)));
            assertError(400, "UnsupportedOperation", () -> ec2.createNetworkInterface(r -> r.subnetId(subnet)
                    .interfaceType("efa")));

            ec2.detachNetworkInterface(r -> r.attachmentId(attachment));
            assertEquals(1, describe(ec2, instance.instanceId()).networkInterfaces().size());
            ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId()));
            assertError(400, "InvalidNetworkInterfaceID.NotFound",
                    () -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())));
            assertError(400, "InvalidNetworkInterfaceId.Malformed",
                    () -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds("eni-zz")));
        }
    }

    /** The first three octets of an instance's private address, with the dot: {@code 172.31.0.}. */
    private static String prefix(Instance instance) {
        return instance.privateIpAddress().substring(0, instance.privateIpAddress().lastIndexOf('.') + 1);
    }

    @Test
    void securityGroupsFollowTheirInterfaces() {
        try (Ec2Client ec2 = account("100000000008")) {
            String vpc = defaultVpc(ec2).vpcId();
            List<String> groups = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "g" + i;
                groups.add(ec2.createSecurityGroup(r -> r.groupName(name).description(name).vpcId(vpc)).groupId());
            }
            assertError(400, "SecurityGroupsPerInterfaceLimitExceeded",
                    () -> launch(ec2, r -> r.securityGroupIds(groups)));
            Instance instance = launch(ec2, r -> r.securityGroupIds(groups.get(0)).securityGroups("g1"));
            assertEquals(List.of("g0", "g1"), instance.securityGroups().stream().map(g -> g.groupName()).toList());
            assertError(400, "DependencyViolation", () -> ec2.deleteSecurityGroup(r -> r.groupId(groups.get(0))));
            assertError(400, "InvalidGroup.NotFound", () -> launch(ec2, r -> r.securityGroups("no-such-group")));

            ec2.modifyInstanceAttribute(r -> r.instanceId(instance.instanceId()).groups(groups.get(2)));
            assertEquals(List.of(groups.get(2)), ec2.describeInstanceAttribute(r -> r.instanceId(instance.instanceId())
                    .attribute("groupSet")).groups().stream().map(g -> g.groupId()).toList());
            assertEquals(List.of(instance.instanceId()), ids(ec2.describeInstances(r -> r.filters(
                    filter("instance.group-id", groups.get(2)))).reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream()).toList()));
            ec2.deleteSecurityGroup(r -> r.groupId(groups.get(0)));
        }
    }

    private static Instance describe(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    private static List<String> ids(List<Instance> instances) {
        return instances.stream().map(Instance::instanceId).toList();
    }
}
