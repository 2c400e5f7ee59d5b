package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.util.List;

/**
 * One rule of a security group, as DescribeSecurityGroupRules shows it: a direction, an IP protocol
 * ({@code -1} for all, else {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6} or a protocol number),
 * a port range (for ICMP, the type and code; -1 for all) and exactly one peer: an IPv4 block, an IPv6
 * block, a prefix list or another security group. An IpPermission with several peers becomes several rules.
 */
public record SecurityGroupRule(
        String id,
        boolean egress,
        String protocol,
        int fromPort,
        int toPort,
        String cidrIpv4,
        String cidrIpv6,
        String prefixListId,
        String referencedGroupId,
        String referencedGroupOwnerId,
        String description,
        List<Tag> tags) {

    public SecurityGroupRule {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Whether two rules allow the same traffic (EC2's duplicate test ignores ids, descriptions and tags). */
    public boolean sameTraffic(SecurityGroupRule other) {
        return egress == other.egress && protocol.equals(other.protocol) && fromPort == other.fromPort
                && toPort == other.toPort && java.util.Objects.equals(cidrIpv4, other.cidrIpv4)
                && java.util.Objects.equals(cidrIpv6, other.cidrIpv6)
                && java.util.Objects.equals(prefixListId, other.prefixListId)
                && java.util.Objects.equals(referencedGroupId, other.referencedGroupId);
    }

    /** The one peer, as EC2 names it in its messages: the block, the prefix list or the group id. */
    public String peer() {
        if (cidrIpv4 != null) {
            return cidrIpv4;
        }
        if (cidrIpv6 != null) {
            return cidrIpv6;
        }
        return prefixListId != null ? prefixListId : referencedGroupId;
    }

    /** Whether the ports mean anything: tcp and udp ports, or the icmp and icmpv6 type and code. */
    public boolean hasRange() {
        return IpProtocols.hasPorts(protocol) || IpProtocols.isIcmp(protocol);
    }

    Traffic traffic() {
        return new Traffic(protocol, fromPort, toPort);
    }

    /** This rule with another rule's traffic and peer (ModifySecurityGroupRules): id, direction and tags stay. */
    public SecurityGroupRule withTrafficAndPeerOf(SecurityGroupRule other) {
        return new SecurityGroupRule(id, egress, other.protocol, other.fromPort, other.toPort, other.cidrIpv4,
                other.cidrIpv6, other.prefixListId, other.referencedGroupId, other.referencedGroupOwnerId,
                other.description, tags);
    }

    public SecurityGroupRule withDescription(String newDescription) {
        return new SecurityGroupRule(id, egress, protocol, fromPort, toPort, cidrIpv4, cidrIpv6, prefixListId,
                referencedGroupId, referencedGroupOwnerId, newDescription, tags);
    }

    public SecurityGroupRule withTags(List<Tag> newTags) {
        return new SecurityGroupRule(id, egress, protocol, fromPort, toPort, cidrIpv4, cidrIpv6, prefixListId,
                referencedGroupId, referencedGroupOwnerId, description, newTags);
    }
}
