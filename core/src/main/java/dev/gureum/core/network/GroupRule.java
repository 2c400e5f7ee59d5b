package dev.gureum.core.network;

/** A rule as DescribeSecurityGroupRules and the Authorize responses show it: with the group it belongs to. */
public record GroupRule(String groupId, String groupOwnerId, SecurityGroupRule rule) {

    static GroupRule of(SecurityGroup group, SecurityGroupRule rule) {
        return new GroupRule(group.id(), group.ownerId(), rule);
    }
}
