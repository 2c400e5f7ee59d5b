package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.tag.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the IpPermissions of a request into the rules EC2 stores for one group: a rule per (permission ×
 * peer), its traffic checked and normalized ({@link Traffic}), IPv4 and IPv6 blocks in canonical form,
 * prefix list ids well formed, and referenced groups resolved (by id, or by name in the default VPC) and
 * required to be in the group's own VPC and account, since Gureum has no VPC peering. Also the checks a
 * set of rules must pass: no rule twice, and at most {@code limit} rules a direction, counted apart for
 * IPv4 and IPv6 as EC2 counts them (a group or prefix list peer counts for both).
 */
final class PermissionRules {
    private final SecurityGroupLookup lookup;

    PermissionRules(SecurityGroupLookup lookup) {
        this.lookup = lookup;
    }

    /** What a request's permissions expand to: new rules (fresh ids) and the other groups they reference. */
    record Expansion(List<SecurityGroupRule> rules, Collection<Versioned<SecurityGroup>> referencedGroups) {
    }

    Expansion expand(RequestContext context, SecurityGroup target, boolean egress, List<Permission> permissions,
                     List<Tag> tags) {
        if (permissions.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter ipPermissions");
        }
        List<SecurityGroupRule> rules = new ArrayList<>();
        Map<String, Versioned<SecurityGroup>> referenced = new LinkedHashMap<>();
        for (Permission permission : permissions) {
            Traffic traffic = Traffic.of(permission.protocol(), permission.fromPort(), permission.toPort());
            if (permission.peers().isEmpty()) {
                throw Ec2Error.MISSING_PARAMETER.exception(
                        "Missing source specification: include source security group or CIDR information");
            }
            for (Permission.Peer peer : permission.peers()) {
                rules.add(rule(context, target, egress, traffic, peer, tags, referenced));
            }
        }
        return new Expansion(rules, referenced.values());
    }

    private SecurityGroupRule rule(RequestContext context, SecurityGroup target, boolean egress, Traffic traffic,
                                   Permission.Peer peer, List<Tag> tags,
                                   Map<String, Versioned<SecurityGroup>> referenced) {
        String description = SecurityGroupNames.ruleDescription(peer.description());
        boolean group = present(peer.groupId()) || present(peer.groupName());
        long given = Stream.of(present(peer.cidrIpv4()), present(peer.cidrIpv6()), present(peer.prefixListId()), group)
                .filter(Boolean::booleanValue).count();
        if (given == 0) {
            throw Ec2Error.MISSING_PARAMETER.exception(
                    "The request must contain exactly one of: cidrIp, cidrIpv6, prefixListId, or referencedGroupId");
        }
        if (given > 1) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(
                    "Only one of cidrIp, cidrIpv6, prefixListId, or referencedGroupId can be specified");
        }
        String ipv4 = null;
        String ipv6 = null;
        String referencedGroupId = null;
        String referencedOwner = null;
        if (present(peer.cidrIpv4())) {
            ipv4 = canonical(Ipv4Cidr.parseMaskedOrNull(peer.cidrIpv4()), peer.cidrIpv4());
        } else if (present(peer.cidrIpv6())) {
            ipv6 = canonical(Ipv6Cidr.parseOrNull(peer.cidrIpv6()), peer.cidrIpv6());
        } else if (present(peer.prefixListId())) {
            ResourceIds.requireWellFormed(IdKind.PREFIX_LIST, List.of(peer.prefixListId()));
        } else {
            SecurityGroup found = resolve(context, target, peer, referenced);
            referencedGroupId = found.id();
            referencedOwner = found.ownerId();
        }
        return new SecurityGroupRule(ResourceIds.next(IdKind.SECURITY_GROUP_RULE), egress, traffic.protocol(),
                traffic.fromPort(), traffic.toPort(), ipv4, ipv6, present(peer.prefixListId()) ? peer.prefixListId() : null,
                referencedGroupId, referencedOwner, description, tags);
    }

    private SecurityGroup resolve(RequestContext context, SecurityGroup target, Permission.Peer peer,
                                  Map<String, Versioned<SecurityGroup>> referenced) {
        if (present(peer.userId()) && !peer.userId().equals(context.account())) {
            throw SecurityGroupLookup.differentNetworks();
        }
        if (target.id().equals(peer.groupId())) {
            return target;
        }
        Versioned<SecurityGroup> found = present(peer.groupId()) ? lookup.byId(context, peer.groupId())
                : lookup.inDefaultVpc(context, peer.groupName());
        if (!found.value().vpcId().equals(target.vpcId())) {
            throw SecurityGroupLookup.differentNetworks();
        }
        if (!found.value().id().equals(target.id())) {
            referenced.put(found.value().id(), found);
        }
        return found.value();
    }

    /** Refuses a rule given twice in one request or one the group already has (EC2's exact texts). */
    static void requireNew(List<SecurityGroupRule> existing, List<SecurityGroupRule> added) {
        for (int i = 0; i < added.size(); i++) {
            SecurityGroupRule rule = added.get(i);
            for (int j = 0; j < i; j++) {
                if (added.get(j).sameTraffic(rule)) {
                    throw Ec2Error.INVALID_PARAMETER_VALUE.exception(
                            "The same permission must not appear multiple times");
                }
            }
            if (existing.stream().anyMatch(rule::sameTraffic)) {
                throw Ec2Error.INVALID_PERMISSION_DUPLICATE.exception("the specified rule \"peer: " + rule.peer()
                        + ", " + rule.traffic().label() + ", ALLOW\" already exists");
            }
        }
    }

    /** Refuses a group whose rules in one direction would pass {@code limit} for IPv4 or for IPv6. */
    static void requireWithinLimit(SecurityGroup group, boolean egress, int limit) {
        List<SecurityGroupRule> rules = group.rules(egress);
        long ipv4 = rules.stream().filter(rule -> rule.cidrIpv6() == null).count();
        long ipv6 = rules.stream().filter(rule -> rule.cidrIpv4() == null).count();
        if (ipv4 > limit || ipv6 > limit) {
            throw Ec2Error.RULES_PER_SECURITY_GROUP_LIMIT_EXCEEDED.exception(
                    "The maximum number of rules per security group has been reached.");
        }
    }

    private static String canonical(Object parsed, String given) {
        if (parsed == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("CIDR block " + given + " is malformed");
        }
        return parsed.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
