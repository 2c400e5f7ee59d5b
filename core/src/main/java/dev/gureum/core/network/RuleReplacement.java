package dev.gureum.core.network;

import java.util.List;

/**
 * One entry of ModifySecurityGroupRules: the rule to change and everything it becomes, which names exactly
 * one peer (an IPv4 block, an IPv6 block, a prefix list or a group id). Its id, direction and tags stay.
 */
public record RuleReplacement(String ruleId, String protocol, Integer fromPort, Integer toPort, String cidrIpv4,
                              String cidrIpv6, String prefixListId, String referencedGroupId, String description) {

    Permission permission() {
        return new Permission(protocol, fromPort, toPort, List.of(new Permission.Peer(cidrIpv4, cidrIpv6,
                prefixListId, referencedGroupId, null, null, description)));
    }
}
