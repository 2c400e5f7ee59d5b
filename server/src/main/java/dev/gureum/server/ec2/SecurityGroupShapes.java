package dev.gureum.server.ec2;

import dev.gureum.core.network.GroupRule;
import dev.gureum.core.network.Permission;
import dev.gureum.core.network.SecurityGroup;
import dev.gureum.core.network.SecurityGroupRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.RevokedSecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Security groups and their rules in the SDK's shapes, and IpPermissions in the domain's. DescribeSecurityGroups
 * groups rules the way EC2 does: the rules of one protocol and port range make one IpPermission listing all
 * their peers, in the order the rules were added; the permission of all protocols (and of a protocol
 * without ports, such as 50) has no FromPort and ToPort there, while a rule on its own shows -1 for both.
 */
final class SecurityGroupShapes {
    private SecurityGroupShapes() {
    }

    static software.amazon.awssdk.services.ec2.model.SecurityGroup group(SecurityGroup group) {
        return software.amazon.awssdk.services.ec2.model.SecurityGroup.builder()
                .groupId(group.id())
                .groupName(group.name())
                .description(group.description())
                .ownerId(group.ownerId())
                .vpcId(group.vpcId())
                .ipPermissions(permissions(group.rules(false)))
                .ipPermissionsEgress(permissions(group.rules(true)))
                .tags(Tags.toSdk(group.tags()))
                .securityGroupArn(groupArn(group.region(), group.ownerId(), group.id()))
                .build();
    }

    static String groupArn(String region, String account, String groupId) {
        return "arn:aws:ec2:" + region + ":" + account + ":security-group/" + groupId;
    }

    /** Rules merged into one IpPermission per protocol and range, peers in rule order. */
    static List<IpPermission> permissions(List<SecurityGroupRule> rules) {
        Map<List<Object>, List<SecurityGroupRule>> byTraffic = new LinkedHashMap<>();
        for (SecurityGroupRule rule : rules) {
            byTraffic.computeIfAbsent(List.of(rule.protocol(), rule.fromPort(), rule.toPort()),
                    unused -> new ArrayList<>()).add(rule);
        }
        return byTraffic.values().stream().map(SecurityGroupShapes::permission).toList();
    }

    private static IpPermission permission(List<SecurityGroupRule> peers) {
        SecurityGroupRule first = peers.getFirst();
        boolean ranged = first.hasRange();
        return IpPermission.builder()
                .ipProtocol(first.protocol())
                .fromPort(ranged ? first.fromPort() : null)
                .toPort(ranged ? first.toPort() : null)
                .ipRanges(peers.stream().filter(rule -> rule.cidrIpv4() != null).map(rule -> IpRange.builder()
                        .cidrIp(rule.cidrIpv4()).description(rule.description()).build()).toList())
                .ipv6Ranges(peers.stream().filter(rule -> rule.cidrIpv6() != null).map(rule -> Ipv6Range.builder()
                        .cidrIpv6(rule.cidrIpv6()).description(rule.description()).build()).toList())
                .prefixListIds(peers.stream().filter(rule -> rule.prefixListId() != null).map(rule -> PrefixListId
                        .builder().prefixListId(rule.prefixListId()).description(rule.description()).build()).toList())
                .userIdGroupPairs(peers.stream().filter(rule -> rule.referencedGroupId() != null)
                        .map(rule -> UserIdGroupPair.builder().groupId(rule.referencedGroupId())
                                .userId(rule.referencedGroupOwnerId()).description(rule.description()).build())
                        .toList())
                .build();
    }

    static software.amazon.awssdk.services.ec2.model.SecurityGroupRule rule(GroupRule owned, String region) {
        SecurityGroupRule rule = owned.rule();
        return software.amazon.awssdk.services.ec2.model.SecurityGroupRule.builder()
                .securityGroupRuleId(rule.id())
                .groupId(owned.groupId())
                .groupOwnerId(owned.groupOwnerId())
                .isEgress(rule.egress())
                .ipProtocol(rule.protocol())
                .fromPort(rule.fromPort())
                .toPort(rule.toPort())
                .cidrIpv4(rule.cidrIpv4())
                .cidrIpv6(rule.cidrIpv6())
                .prefixListId(rule.prefixListId())
                .referencedGroupInfo(rule.referencedGroupId() == null ? null : ReferencedSecurityGroup.builder()
                        .groupId(rule.referencedGroupId()).userId(rule.referencedGroupOwnerId()).build())
                .description(rule.description())
                .tags(Tags.toSdk(rule.tags()))
                .securityGroupRuleArn("arn:aws:ec2:" + region + ":" + owned.groupOwnerId() + ":security-group-rule/"
                        + rule.id())
                .build();
    }

    static RevokedSecurityGroupRule revoked(GroupRule owned) {
        SecurityGroupRule rule = owned.rule();
        return RevokedSecurityGroupRule.builder()
                .securityGroupRuleId(rule.id())
                .groupId(owned.groupId())
                .isEgress(rule.egress())
                .ipProtocol(rule.protocol())
                .fromPort(rule.fromPort())
                .toPort(rule.toPort())
                .cidrIpv4(rule.cidrIpv4())
                .cidrIpv6(rule.cidrIpv6())
                .prefixListId(rule.prefixListId())
                .referencedGroupId(rule.referencedGroupId())
                .description(rule.description())
                .build();
    }

    /** The domain's view of a request's IpPermissions: every peer of every list, in the SDK's order. */
    static List<Permission> fromSdk(List<IpPermission> permissions) {
        return permissions.stream().map(permission -> {
            List<Permission.Peer> peers = new ArrayList<>();
            permission.ipRanges().forEach(range -> peers.add(Permission.Peer.ipv4(range.cidrIp(), range.description())));
            permission.ipv6Ranges().forEach(range -> peers.add(Permission.Peer.ipv6(range.cidrIpv6(),
                    range.description())));
            permission.prefixListIds().forEach(list -> peers.add(Permission.Peer.prefixList(list.prefixListId(),
                    list.description())));
            permission.userIdGroupPairs().forEach(pair -> peers.add(Permission.Peer.group(pair.groupId(),
                    pair.groupName(), pair.userId(), pair.description())));
            return new Permission(permission.ipProtocol(), permission.fromPort(), permission.toPort(), peers);
        }).toList();
    }
}
