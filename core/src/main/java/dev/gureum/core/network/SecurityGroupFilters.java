package dev.gureum.core.network;

import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.tag.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The filters of DescribeSecurityGroups and DescribeSecurityGroupRules. The {@code ip-permission.*}
 * family looks at a group's inbound rules and {@code egress.ip-permission.*} at its outbound ones; as in
 * EC2, each filter may be matched by a different rule of the group. Ports are matched as stored, so
 * {@code -1} finds the rules of all protocols and all ICMP types. The {@code group-name} filters need the
 * names of referenced groups, so a group is filtered together with the names of the region's groups.
 */
final class SecurityGroupFilters {
    /** A group and the name of every group of its region, by id. */
    record Candidate(SecurityGroup group, Map<String, String> namesById) {
    }

    static final FilterSet<Candidate> GROUPS = groups();

    static final FilterSet<GroupRule> RULES = FilterSet.<GroupRule>builder()
            .single("group-id", GroupRule::groupId)
            .single("security-group-rule-id", rule -> rule.rule().id())
            .many("tag-key", rule -> rule.rule().tags().stream().map(Tag::key).toList())
            .prefixed("tag:", (rule, key) -> tagValues(rule.rule().tags(), key))
            .build();

    private SecurityGroupFilters() {
    }

    private static FilterSet<Candidate> groups() {
        FilterSet.Builder<Candidate> builder = FilterSet.<Candidate>builder()
                .single("description", candidate -> candidate.group().description())
                .single("group-id", candidate -> candidate.group().id())
                .single("group-name", candidate -> candidate.group().name())
                .single("owner-id", candidate -> candidate.group().ownerId())
                .single("vpc-id", candidate -> candidate.group().vpcId())
                .many("tag-key", candidate -> candidate.group().tags().stream().map(Tag::key).toList())
                .prefixed("tag:", (candidate, key) -> tagValues(candidate.group().tags(), key));
        for (boolean egress : new boolean[] {false, true}) {
            String prefix = egress ? "egress.ip-permission." : "ip-permission.";
            builder.many(prefix + "cidr", candidate -> values(candidate, egress, SecurityGroupRule::cidrIpv4))
                    .many(prefix + "from-port", candidate -> values(candidate, egress,
                            rule -> Integer.toString(rule.fromPort())))
                    .many(prefix + "group-id", candidate -> values(candidate, egress,
                            SecurityGroupRule::referencedGroupId))
                    .many(prefix + "group-name", candidate -> values(candidate, egress,
                            rule -> candidate.namesById().get(rule.referencedGroupId())))
                    .many(prefix + "ipv6-cidr", candidate -> values(candidate, egress, SecurityGroupRule::cidrIpv6))
                    .many(prefix + "prefix-list-id", candidate -> values(candidate, egress,
                            SecurityGroupRule::prefixListId))
                    .many(prefix + "protocol", candidate -> values(candidate, egress, SecurityGroupRule::protocol))
                    .many(prefix + "to-port", candidate -> values(candidate, egress,
                            rule -> Integer.toString(rule.toPort())))
                    .many(prefix + "user-id", candidate -> values(candidate, egress,
                            SecurityGroupRule::referencedGroupOwnerId));
        }
        return builder.build();
    }

    private static List<String> values(Candidate candidate, boolean egress, Function<SecurityGroupRule, String> field) {
        return candidate.group().rules(egress).stream().map(field).filter(Objects::nonNull).toList();
    }

    private static List<String> tagValues(List<Tag> tags, String key) {
        return tags.stream().filter(tag -> tag.key().equals(key)).map(Tag::value).toList();
    }
}
