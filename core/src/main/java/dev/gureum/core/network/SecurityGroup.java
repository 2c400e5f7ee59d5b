package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.util.List;

/**
 * A security group of a VPC: the stateful firewall of the interfaces it is attached to. Its rules carry
 * their own ids ({@code sgr-}); traffic is allowed when any rule of its direction allows it.
 */
public record SecurityGroup(String id, String ownerId, String region, String vpcId, String name, String description,
                            List<SecurityGroupRule> rules, List<Tag> tags) {
    public static final String DEFAULT_NAME = "default";

    public SecurityGroup {
        rules = rules == null ? List.of() : List.copyOf(rules);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public List<SecurityGroupRule> rules(boolean egress) {
        return rules.stream().filter(rule -> rule.egress() == egress).toList();
    }

    public boolean isDefault() {
        return DEFAULT_NAME.equals(name);
    }

    public SecurityGroup withRules(List<SecurityGroupRule> newRules) {
        return new SecurityGroup(id, ownerId, region, vpcId, name, description, newRules, tags);
    }

    public SecurityGroup withTags(List<Tag> newTags) {
        return new SecurityGroup(id, ownerId, region, vpcId, name, description, rules, newTags);
    }
}
