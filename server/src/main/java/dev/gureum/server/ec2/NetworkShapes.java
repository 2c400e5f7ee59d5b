package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.network.DhcpOptions;
import dev.gureum.core.network.InternetGateway;
import dev.gureum.core.network.NetworkAcl;
import dev.gureum.core.network.NetworkAclEntry;
import dev.gureum.core.network.RouteTable;
import dev.gureum.core.network.RouteTableService;
import dev.gureum.core.network.Subnet;
import dev.gureum.core.network.SubnetService;
import dev.gureum.core.network.Vpc;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;

/** The SDK shapes of VPCs, subnets, gateways, route tables, network ACLs and DHCP options. */
final class NetworkShapes {
    private NetworkShapes() {
    }

    static software.amazon.awssdk.services.ec2.model.Vpc vpc(Vpc vpc) {
        return software.amazon.awssdk.services.ec2.model.Vpc.builder()
                .vpcId(vpc.id())
                .ownerId(vpc.ownerId())
                .cidrBlock(vpc.cidrBlock())
                .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder()
                        .associationId(vpc.cidrAssociationId())
                        .cidrBlock(vpc.cidrBlock())
                        .cidrBlockState(VpcCidrBlockState.builder().state("associated").build())
                        .build())
                .dhcpOptionsId(vpc.dhcpOptionsId())
                .instanceTenancy(vpc.instanceTenancy())
                .isDefault(vpc.isDefault())
                .state("available")
                .tags(Tags.toSdk(vpc.tags()))
                .build();
    }

    /** How instances launched in a subnet are named: by their IP addresses, the only way Gureum names them. */
    private static final software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsOnLaunch IP_NAMES_ON_LAUNCH =
            software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsOnLaunch.builder().hostnameType("ip-name")
                    .enableResourceNameDnsARecord(false).enableResourceNameDnsAAAARecord(false).build();

    static software.amazon.awssdk.services.ec2.model.Subnet subnet(Subnet subnet) {
        return software.amazon.awssdk.services.ec2.model.Subnet.builder()
                .subnetId(subnet.id())
                .subnetArn(SubnetService.arn(subnet))
                .ownerId(subnet.ownerId())
                .vpcId(subnet.vpcId())
                .cidrBlock(subnet.cidrBlock())
                .availabilityZone(subnet.availabilityZone())
                .availabilityZoneId(subnet.availabilityZoneId())
                .availableIpAddressCount((int) subnet.availableAddressCount())
                .defaultForAz(subnet.defaultForAz())
                .mapPublicIpOnLaunch(subnet.mapPublicIpOnLaunch())
                .mapCustomerOwnedIpOnLaunch(false)
                .assignIpv6AddressOnCreation(false)
                .enableDns64(false)
                .ipv6Native(false)
                .privateDnsNameOptionsOnLaunch(IP_NAMES_ON_LAUNCH)
                .state("available")
                .tags(Tags.toSdk(subnet.tags()))
                .build();
    }

    static software.amazon.awssdk.services.ec2.model.InternetGateway internetGateway(InternetGateway gateway) {
        return software.amazon.awssdk.services.ec2.model.InternetGateway.builder()
                .internetGatewayId(gateway.id())
                .ownerId(gateway.ownerId())
                .attachments(gateway.attachedVpcId() == null ? java.util.List.of() : java.util.List.of(
                        InternetGatewayAttachment.builder().vpcId(gateway.attachedVpcId()).state("available").build()))
                .tags(Tags.toSdk(gateway.tags()))
                .build();
    }

    static software.amazon.awssdk.services.ec2.model.RouteTable routeTable(RouteTable table, RouteTableService service,
                                                                          RequestContext context) {
        return software.amazon.awssdk.services.ec2.model.RouteTable.builder()
                .routeTableId(table.id())
                .vpcId(table.vpcId())
                .ownerId(table.ownerId())
                .routes(table.routes().stream().map(route -> software.amazon.awssdk.services.ec2.model.Route.builder()
                        .destinationCidrBlock(route.destinationCidrBlock())
                        .gatewayId(route.gatewayId())
                        .origin(route.origin())
                        .state(service.state(context, table, route))
                        .build()).toList())
                .associations(table.associations().stream().map(association ->
                        software.amazon.awssdk.services.ec2.model.RouteTableAssociation.builder()
                                .routeTableAssociationId(association.id())
                                .routeTableId(table.id())
                                .subnetId(association.subnetId())
                                .main(association.main())
                                .associationState(RouteTableAssociationState.builder().state("associated").build())
                                .build()).toList())
                .propagatingVgws(java.util.List.of())
                .tags(Tags.toSdk(table.tags()))
                .build();
    }

    static software.amazon.awssdk.services.ec2.model.NetworkAcl networkAcl(NetworkAcl acl) {
        return software.amazon.awssdk.services.ec2.model.NetworkAcl.builder()
                .networkAclId(acl.id())
                .vpcId(acl.vpcId())
                .ownerId(acl.ownerId())
                .isDefault(acl.isDefault())
                .entries(acl.entries().stream().map(NetworkShapes::aclEntry).toList())
                .associations(acl.associations().stream().map(association -> NetworkAclAssociation.builder()
                        .networkAclAssociationId(association.id())
                        .networkAclId(acl.id())
                        .subnetId(association.subnetId())
                        .build()).toList())
                .tags(Tags.toSdk(acl.tags()))
                .build();
    }

    private static software.amazon.awssdk.services.ec2.model.NetworkAclEntry aclEntry(NetworkAclEntry entry) {
        return software.amazon.awssdk.services.ec2.model.NetworkAclEntry.builder()
                .ruleNumber(entry.ruleNumber())
                .egress(entry.egress())
                .protocol(entry.protocol())
                .ruleAction(entry.allow() ? "allow" : "deny")
                .cidrBlock(entry.cidrBlock())
                .ipv6CidrBlock(entry.ipv6CidrBlock())
                .portRange(entry.fromPort() == null ? null
                        : PortRange.builder().from(entry.fromPort()).to(entry.toPort()).build())
                .icmpTypeCode(entry.icmpType() == null ? null
                        : IcmpTypeCode.builder().type(entry.icmpType()).code(entry.icmpCode()).build())
                .build();
    }

    static software.amazon.awssdk.services.ec2.model.DhcpOptions dhcpOptions(DhcpOptions options) {
        return software.amazon.awssdk.services.ec2.model.DhcpOptions.builder()
                .dhcpOptionsId(options.id())
                .ownerId(options.ownerId())
                .dhcpConfigurations(options.configurations().entrySet().stream().map(entry -> DhcpConfiguration.builder()
                        .key(entry.getKey())
                        .values(entry.getValue().stream().map(value -> AttributeValue.builder().value(value).build())
                                .toList())
                        .build()).toList())
                .tags(Tags.toSdk(options.tags()))
                .build();
    }
}
