package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import dev.gureum.core.tag.TaggedKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * EC2 security groups: CreateSecurityGroup, DeleteSecurityGroup and DescribeSecurityGroups; the rule
 * operations are {@link SecurityGroupRuleService} ({@link #rules()}). A group is made in the VPC given or
 * the default one, with the allow-all egress rule, and its name is claimed within the VPC in the same
 * batch, so two creates of one name cannot both commit. A group cannot be deleted while it is its VPC's
 * {@code default} group, while another group's rule references it, or while anything else uses it.
 */
public final class SecurityGroupService {
    /** How CreateTags, DeleteTags and DescribeTags reach groups and their rules ({@code TagService.register}). */
    public static final TaggedKind TAGGABLE = new SecurityGroupTags();
    private static final int MIN_RESULTS = 5;
    private static final int MAX_RESULTS = 1000;

    private final Store store;
    private final DefaultVpcs defaultVpcs;
    private final SecurityGroupUsers users;
    private final SecurityGroupQuotas quotas;
    private final SecurityGroupLookup lookup;
    private final Records<Vpc> vpcs;
    private final SecurityGroupRuleService rules;

    public SecurityGroupService(Store store, DefaultVpcs defaultVpcs, SecurityGroupUsers users) {
        this(store, defaultVpcs, users, SecurityGroupQuotas.DEFAULT);
    }

    public SecurityGroupService(Store store, DefaultVpcs defaultVpcs, SecurityGroupUsers users,
                                SecurityGroupQuotas quotas) {
        this.store = store;
        this.defaultVpcs = defaultVpcs;
        this.users = users;
        this.quotas = quotas;
        this.lookup = new SecurityGroupLookup(store, defaultVpcs);
        this.vpcs = new Records<>(store, NetworkRecords.VPCS, IdKind.VPC, Vpc::id);
        this.rules = new SecurityGroupRuleService(store, defaultVpcs, lookup, vpcs, quotas);
    }

    public SecurityGroupRuleService rules() {
        return rules;
    }

    /** Makes a group in {@code vpcId}, or in the account's default VPC when it is null. */
    public SecurityGroup create(RequestContext context, String name, String description, String vpcId,
                                List<Tag> tags) {
        SecurityGroupNames.checkGroupName(name);
        SecurityGroupNames.checkGroupDescription(description);
        TagRules.validate(tags);
        Vpc vpc = vpcId == null || vpcId.isEmpty() ? defaultVpcs.require(context) : vpcs.require(context, vpcId).value();
        if (lookup.byName(context, vpc.id(), name).isPresent()) {
            throw duplicate(name, vpc.id());
        }
        if (store.list(NetworkRecords.SECURITY_GROUPS, context.account(), context.region()).size()
                >= quotas.groupsPerRegion()) {
            throw Ec2Error.SECURITY_GROUP_LIMIT_EXCEEDED.exception(
                    "The maximum number of security groups has been reached.");
        }
        SecurityGroup group = new SecurityGroup(ResourceIds.next(IdKind.SECURITY_GROUP), context.account(),
                context.region(), vpc.id(), name, description, List.of(SecurityGroupRules.allowAllEgress()),
                TagRules.merge(List.of(), tags));
        WriteBatch batch = new WriteBatch()
                .put(NetworkRecords.SECURITY_GROUPS, key(context, group.id()), WriteBatch.ABSENT, group)
                .put(NetworkRecords.SECURITY_GROUP_NAMES, key(context, SecurityGroupNames.claimId(vpc.id(), name)),
                        WriteBatch.ABSENT, new NetworkRecords.NameClaim(group.id()));
        try {
            Writes.commit(store, context, batch);
        } catch (VersionConflictException claimedMeanwhile) {
            throw duplicate(name, vpc.id());
        }
        return group;
    }

    /**
     * Deletes the group named by id, or by name in the default VPC.
     *
     * @return the id of the group deleted
     */
    public String delete(RequestContext context, String groupId, String groupName) {
        return Retries.onConflict(() -> {
            Versioned<SecurityGroup> found = lookup.target(context, groupId, groupName);
            SecurityGroup group = found.value();
            if (group.isDefault()) {
                throw Ec2Error.CANNOT_DELETE.exception("the specified group: \"" + group.id()
                        + "\" name: \"default\" cannot be deleted by a user");
            }
            boolean referenced = lookup.all(context).stream().anyMatch(other -> !other.id().equals(group.id())
                    && other.rules().stream().anyMatch(rule -> group.id().equals(rule.referencedGroupId())));
            if (referenced || users.uses(context, group.id())) {
                throw Ec2Error.DEPENDENCY_VIOLATION.exception("resource " + group.id() + " has a dependent object");
            }
            WriteBatch batch = new WriteBatch()
                    .delete(NetworkRecords.SECURITY_GROUPS, found.key(), found.version())
                    .delete(NetworkRecords.SECURITY_GROUP_NAMES,
                            key(context, SecurityGroupNames.claimId(group.vpcId(), group.name())), WriteBatch.ANY);
            Writes.commit(store, context, batch);
            return group.id();
        });
    }

    /** A security group as a launch specification shows it: its id and name, either null when not known. */
    public record GroupName(String groupId, String groupName) {
    }

    /**
     * The groups a launch specification names, by id or by name in the default VPC, each with its id and name as
     * EC2 shows them; one that no longer exists is shown as it was given.
     */
    public List<GroupName> identify(RequestContext context, List<String> groupIds, List<String> groupNames) {
        List<GroupName> identified = new ArrayList<>();
        for (String id : groupIds) {
            identified.add(lookup.find(context, id).map(found -> new GroupName(id, found.name()))
                    .orElse(new GroupName(id, null)));
        }
        Optional<Vpc> defaultVpc = groupNames.isEmpty() ? Optional.empty() : defaultVpcs.find(context);
        for (String name : groupNames) {
            identified.add(defaultVpc.flatMap(vpc -> lookup.byName(context, vpc.id(), name))
                    .map(found -> new GroupName(found.value().id(), name)).orElse(new GroupName(null, name)));
        }
        return identified;
    }

    /**
     * The groups named by id (each must exist) or by name in the default VPC (each must exist there), or
     * all of them, that match every filter, by id, a page at a time. Describing makes the default VPC, so
     * its {@code default} group is always there to be seen.
     */
    public Page<SecurityGroup> describe(RequestContext context, List<String> groupIds, List<String> groupNames,
                                        List<Filter> filters, Integer maxResults, String nextToken) {
        if (!groupIds.isEmpty() && maxResults != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(
                    "The parameter groupIdSet cannot be used with the parameter maxResults");
        }
        ResourceIds.requireWellFormed(IdKind.SECURITY_GROUP, groupIds);
        Predicate<SecurityGroupFilters.Candidate> matches = SecurityGroupFilters.GROUPS.compile(filters);
        defaultVpcs.ensure(context);
        List<SecurityGroup> all = lookup.all(context);
        Map<String, String> names = all.stream().collect(Collectors.toMap(SecurityGroup::id, SecurityGroup::name));
        Set<String> named = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(groupIds)) {
            if (names.containsKey(id)) {
                named.add(id);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw ResourceIds.notFound(IdKind.SECURITY_GROUP, missing);
        }
        for (String name : groupNames) {
            named.add(lookup.inDefaultVpc(context, name).value().id());
        }
        List<SecurityGroup> found = all.stream()
                .filter(group -> named.isEmpty() || named.contains(group.id()))
                .filter(group -> matches.test(new SecurityGroupFilters.Candidate(group, names)))
                .sorted(Comparator.comparing(SecurityGroup::id))
                .toList();
        return Pages.page("DescribeSecurityGroups",
                found, SecurityGroup::id, maxResults, nextToken, MIN_RESULTS, MAX_RESULTS);
    }

    private static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }

    private static CloudException duplicate(String name, String vpcId) {
        return Ec2Error.INVALID_GROUP_DUPLICATE.exception("The security group '" + name
                + "' already exists for VPC '" + vpcId + "'");
    }
}
