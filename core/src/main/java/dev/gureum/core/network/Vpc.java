package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A VPC: its primary IPv4 block (with the association id EC2 gives it), whether it is the region's
 * default VPC, its DHCP options and DNS attributes, and the main route table, default security group
 * and default network ACL made with it.
 */
public record Vpc(
        String id,
        String ownerId,
        String region,
        String cidrBlock,
        String cidrAssociationId,
        boolean isDefault,
        String dhcpOptionsId,
        String instanceTenancy,
        boolean enableDnsSupport,
        boolean enableDnsHostnames,
        String mainRouteTableId,
        String defaultSecurityGroupId,
        String defaultNetworkAclId,
        Instant createTime,
        List<Tag> tags) {

    public Vpc {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public Ipv4Cidr cidr() {
        return Ipv4Cidr.parseOrNull(cidrBlock);
    }

    public Vpc withTags(List<Tag> newTags) {
        return new Vpc(id, ownerId, region, cidrBlock, cidrAssociationId, isDefault, dhcpOptionsId, instanceTenancy,
                enableDnsSupport, enableDnsHostnames, mainRouteTableId, defaultSecurityGroupId, defaultNetworkAclId,
                createTime, newTags);
    }

    public Vpc withDns(boolean support, boolean hostnames) {
        return new Vpc(id, ownerId, region, cidrBlock, cidrAssociationId, isDefault, dhcpOptionsId, instanceTenancy,
                support, hostnames, mainRouteTableId, defaultSecurityGroupId, defaultNetworkAclId, createTime, tags);
    }

    public Vpc withDhcpOptions(String optionsId) {
        return new Vpc(id, ownerId, region, cidrBlock, cidrAssociationId, isDefault, optionsId, instanceTenancy,
                enableDnsSupport, enableDnsHostnames, mainRouteTableId, defaultSecurityGroupId, defaultNetworkAclId,
                createTime, tags);
    }

    public Vpc withMainRouteTable(String routeTableId) {
        return new Vpc(id, ownerId, region, cidrBlock, cidrAssociationId, isDefault, dhcpOptionsId, instanceTenancy,
                enableDnsSupport, enableDnsHostnames, routeTableId, defaultSecurityGroupId, defaultNetworkAclId,
                createTime, tags);
    }
}
