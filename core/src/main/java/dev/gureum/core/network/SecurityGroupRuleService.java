package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules of security groups: AuthorizeSecurityGroupIngress/Egress, RevokeSecurityGroupIngress/Egress,
 * ModifySecurityGroupRules, UpdateSecurityGroupRuleDescriptionsIngress/Egress and
 * DescribeSecurityGroupRules. Rules live inside their group's record, so every change is one
 * compare-and-set of that record, retried from a fresh read when it loses a race. A change that makes a
 * rule reference another group rewrites that group unchanged in the same batch: a concurrent delete of it
 * then cannot slip between the check that it exists and the commit.
 *
 * <p>Revoking by IpPermissions what the group does not have is refused with
 * {@code InvalidPermission.NotFound} and revokes nothing, except in the default VPC, where EC2 revokes
 * what matched and reports the rest as UnknownIpPermissions (EC2 API reference,
 * RevokeSecurityGroupIngress). Rule ids that are not the group's, in that direction, are
 * {@code InvalidSecurityGroupRuleId.NotFound}.
 */
public final class SecurityGroupRuleService {
    private static final int MIN_RESULTS = 5;
    private static final int MAX_RESULTS = 1000;

    private final Store store;
    private final DefaultVpcs defaultVpcs;
    private final SecurityGroupLookup lookup;
    private final Records<Vpc> vpcs;
    private final SecurityGroupQuotas quotas;
    private final PermissionRules permissions;

    SecurityGroupRuleService(Store store, DefaultVpcs defaultVpcs, SecurityGroupLookup lookup, Records<Vpc> vpcs,
                             SecurityGroupQuotas quotas) {
        this.store = store;
        this.defaultVpcs = defaultVpcs;
        this.lookup = lookup;
        this.vpcs = vpcs;
        this.quotas = quotas;
        this.permissions = new PermissionRules(lookup);
    }

    /**
     * Adds a rule per (permission × peer) to the group named by id, or by name in the default VPC.
     *
     * @param tags the tags every new rule gets (TagSpecifications of type {@code security-group-rule})
     * @return the rules added, with their new ids
     */
    public List<GroupRule> authorize(RequestContext context, Direction direction, String groupId, String groupName,
                                     List<Permission> requested, List<Tag> tags) {
        TagRules.validate(tags);
        List<Tag> ruleTags = TagRules.merge(List.of(), tags);
        return Retries.onConflict(() -> {
            Versioned<SecurityGroup> found = lookup.target(context, groupId, groupName);
            SecurityGroup group = found.value();
            PermissionRules.Expansion expansion = permissions.expand(context, group, direction.egress(), requested,
                    ruleTags);
            PermissionRules.requireNew(group.rules(), expansion.rules());
            List<SecurityGroupRule> all = new ArrayList<>(group.rules());
            all.addAll(expansion.rules());
            SecurityGroup changed = group.withRules(all);
            PermissionRules.requireWithinLimit(changed, direction.egress(), quotas.rulesPerDirection());
            commit(context, found, changed, expansion.referencedGroups());
            return expansion.rules().stream().map(rule -> GroupRule.of(changed, rule)).toList();
        });
    }

    /** Removes the rules named by id and those matching the permissions (descriptions are not compared). */
    public Revocation revoke(RequestContext context, Direction direction, String groupId, String groupName,
                             List<Permission> requested, List<String> ruleIds) {
        if (requested.isEmpty() && ruleIds.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception(
                    "The request must contain the parameter ipPermissions or securityGroupRuleIds");
        }
        ResourceIds.requireWellFormed(IdKind.SECURITY_GROUP_RULE, ruleIds);
        return Retries.onConflict(() -> {
            Versioned<SecurityGroup> found = lookup.target(context, groupId, groupName);
            SecurityGroup group = found.value();
            List<SecurityGroupRule> own = group.rules(direction.egress());
            Set<String> gone = new LinkedHashSet<>(requireOwn(own, ruleIds));
            List<SecurityGroupRule> unknown = new ArrayList<>();
            if (!requested.isEmpty()) {
                for (SecurityGroupRule wanted : permissions.expand(context, group, direction.egress(), requested,
                        List.of()).rules()) {
                    own.stream().filter(wanted::sameTraffic).findFirst()
                            .ifPresentOrElse(rule -> gone.add(rule.id()), () -> unknown.add(wanted));
                }
            }
            if (!unknown.isEmpty() && !vpcs.find(context, group.vpcId()).map(Vpc::isDefault).orElse(false)) {
                throw notFound();
            }
            List<SecurityGroupRule> revoked = own.stream().filter(rule -> gone.contains(rule.id())).toList();
            if (!revoked.isEmpty()) {
                commit(context, found, group.withRules(group.rules().stream()
                        .filter(rule -> !gone.contains(rule.id())).toList()), List.of());
            }
            return new Revocation(revoked.stream().map(rule -> GroupRule.of(group, rule)).toList(), unknown);
        });
    }

    /** Replaces rules of a group in place (ModifySecurityGroupRules): each keeps its id, direction and tags. */
    public void modify(RequestContext context, String groupId, List<RuleReplacement> replacements) {
        if (replacements.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter SecurityGroupRule");
        }
        List<String> ids = replacements.stream().map(RuleReplacement::ruleId).toList();
        ResourceIds.requireWellFormed(IdKind.SECURITY_GROUP_RULE, ids);
        Retries.onConflict(() -> {
            Versioned<SecurityGroup> found = lookup.byId(context, groupId);
            SecurityGroup group = found.value();
            requireOwn(group.rules(), ids);
            Map<String, SecurityGroupRule> byId = new LinkedHashMap<>();
            group.rules().forEach(rule -> byId.put(rule.id(), rule));
            Map<String, Versioned<SecurityGroup>> referenced = new LinkedHashMap<>();
            for (RuleReplacement replacement : replacements) {
                SecurityGroupRule old = byId.get(replacement.ruleId());
                PermissionRules.Expansion expansion = permissions.expand(context, group, old.egress(),
                        List.of(replacement.permission()), old.tags());
                byId.put(old.id(), old.withTrafficAndPeerOf(expansion.rules().getFirst()));
                expansion.referencedGroups().forEach(other -> referenced.put(other.value().id(), other));
            }
            for (String id : new LinkedHashSet<>(ids)) {
                PermissionRules.requireNew(byId.values().stream().filter(other -> !other.id().equals(id)).toList(),
                        List.of(byId.get(id)));
            }
            SecurityGroup changed = group.withRules(List.copyOf(byId.values()));
            for (Direction direction : Direction.values()) {
                PermissionRules.requireWithinLimit(changed, direction.egress(), quotas.rulesPerDirection());
            }
            commit(context, found, changed, referenced.values());
            return changed;
        });
    }

    /**
     * Sets the descriptions of rules found by IpPermissions (each must match a rule; the peer's description
     * is the new one) or by id ({@code descriptions}: rule id to its description). A missing or empty
     * description removes the rule's description.
     */
    public void updateDescriptions(RequestContext context, Direction direction, String groupId, String groupName,
                                   List<Permission> requested, Map<String, String> descriptions) {
        if (requested.isEmpty() && descriptions.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception(
                    "The request must contain the parameter IpPermissions or SecurityGroupRuleDescriptions");
        }
        ResourceIds.requireWellFormed(IdKind.SECURITY_GROUP_RULE, descriptions.keySet());
        Map<String, String> byId = new LinkedHashMap<>();
        descriptions.forEach((id, description) -> byId.put(id, SecurityGroupNames.ruleDescription(description)));
        Retries.onConflict(() -> {
            Versioned<SecurityGroup> found = lookup.target(context, groupId, groupName);
            SecurityGroup group = found.value();
            List<SecurityGroupRule> own = group.rules(direction.egress());
            requireOwn(own, byId.keySet());
            Map<String, String> changes = new LinkedHashMap<>(byId);
            if (!requested.isEmpty()) {
                for (SecurityGroupRule wanted : permissions.expand(context, group, direction.egress(), requested,
                        List.of()).rules()) {
                    SecurityGroupRule match = own.stream().filter(wanted::sameTraffic).findFirst()
                            .orElseThrow(SecurityGroupRuleService::notFound);
                    changes.put(match.id(), wanted.description());
                }
            }
            SecurityGroup changed = group.withRules(group.rules().stream().map(rule -> changes.containsKey(rule.id())
                    ? rule.withDescription(changes.get(rule.id())) : rule).toList());
            commit(context, found, changed, List.of());
            return changed;
        });
    }

    /**
     * The rules named by id (each must exist), or every rule of every group, that match every filter, by
     * rule id, a page at a time. Like DescribeSecurityGroups, this makes the default VPC.
     */
    public Page<GroupRule> describe(RequestContext context, List<String> ruleIds, List<Filter> filters,
                                    Integer maxResults, String nextToken) {
        ResourceIds.requireWellFormed(IdKind.SECURITY_GROUP_RULE, ruleIds);
        Predicate<GroupRule> matches = SecurityGroupFilters.RULES.compile(filters);
        defaultVpcs.ensure(context);
        List<GroupRule> all = lookup.all(context).stream()
                .flatMap(group -> group.rules().stream().map(rule -> GroupRule.of(group, rule))).toList();
        Set<String> wanted = new LinkedHashSet<>(ruleIds);
        requireOwn(all.stream().map(GroupRule::rule).toList(), wanted);
        List<GroupRule> found = all.stream()
                .filter(rule -> wanted.isEmpty() || wanted.contains(rule.rule().id()))
                .filter(matches)
                .sorted(Comparator.comparing(rule -> rule.rule().id()))
                .toList();
        return Pages.page("DescribeSecurityGroupRules",
                found, rule -> rule.rule().id(), maxResults, nextToken, MIN_RESULTS, MAX_RESULTS);
    }

    /** The ids, each of which must be one of {@code rules}, else InvalidSecurityGroupRuleId.NotFound. */
    private static Collection<String> requireOwn(List<SecurityGroupRule> rules, Collection<String> ids) {
        Set<String> known = new LinkedHashSet<>();
        rules.forEach(rule -> known.add(rule.id()));
        List<String> missing = new LinkedHashSet<>(ids).stream().filter(id -> !known.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw ResourceIds.notFound(IdKind.SECURITY_GROUP_RULE, missing);
        }
        return ids;
    }

    private void commit(RequestContext context, Versioned<SecurityGroup> found, SecurityGroup changed,
                        Collection<Versioned<SecurityGroup>> referenced) {
        WriteBatch batch = new WriteBatch().put(NetworkRecords.SECURITY_GROUPS, found.key(), found.version(), changed);
        for (Versioned<SecurityGroup> other : referenced) {
            batch.put(NetworkRecords.SECURITY_GROUPS, other.key(), other.version(), other.value());
        }
        Writes.commit(store, context, batch);
    }

    private static RuntimeException notFound() {
        return Ec2Error.INVALID_PERMISSION_NOT_FOUND.exception(
                "The specified rule does not exist in this security group.");
    }
}
