package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagService;
import dev.gureum.core.tag.TaggedKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How CreateTags, DeleteTags and DescribeTags reach security groups ({@code security-group}) and their
 * rules ({@code security-group-rule}). A rule's tags live inside its group's record, so both id kinds
 * are answered here: a request naming a group and some of its rules rewrites that group once.
 */
final class SecurityGroupTags implements TaggedKind {
    private static final String GROUP = "security-group";
    private static final String RULE = "security-group-rule";

    @Override
    public List<IdKind> idKinds() {
        return List.of(IdKind.SECURITY_GROUP, IdKind.SECURITY_GROUP_RULE);
    }

    @Override
    public void collect(Store store, RequestContext context, Consumer<TagService.ResourceTag> into) {
        for (Versioned<SecurityGroup> record : groups(store, context)) {
            SecurityGroup group = record.value();
            group.tags().forEach(tag -> into.accept(new TagService.ResourceTag(group.id(), GROUP, tag.key(),
                    tag.value())));
            for (SecurityGroupRule rule : group.rules()) {
                rule.tags().forEach(tag -> into.accept(new TagService.ResourceTag(rule.id(), RULE, tag.key(),
                        tag.value())));
            }
        }
    }

    @Override
    public void stage(Store store, RequestContext context, List<String> resourceIds, WriteBatch batch,
                      UnaryOperator<List<Tag>> change) {
        Set<String> groupIds = new LinkedHashSet<>();
        Set<String> ruleIds = new LinkedHashSet<>();
        for (String id : resourceIds) {
            IdKind kind = IdKind.ofId(id);
            ResourceIds.requireWellFormed(kind, List.of(id));
            (kind == IdKind.SECURITY_GROUP ? groupIds : ruleIds).add(id);
        }
        Set<String> missingGroups = new LinkedHashSet<>(groupIds);
        Set<String> missingRules = new LinkedHashSet<>(ruleIds);
        for (Versioned<SecurityGroup> record : groups(store, context)) {
            SecurityGroup group = record.value();
            boolean tagsGroup = missingGroups.remove(group.id());
            List<String> taggedRules = group.rules().stream().map(SecurityGroupRule::id).filter(ruleIds::contains)
                    .toList();
            missingRules.removeAll(taggedRules);
            if (tagsGroup || !taggedRules.isEmpty()) {
                SecurityGroup changed = group.withRules(group.rules().stream().map(rule -> ruleIds.contains(rule.id())
                        ? rule.withTags(change.apply(rule.tags())) : rule).toList());
                batch.put(NetworkRecords.SECURITY_GROUPS, record.key(), record.version(),
                        tagsGroup ? changed.withTags(change.apply(group.tags())) : changed);
            }
        }
        if (!missingGroups.isEmpty()) {
            throw ResourceIds.notFound(IdKind.SECURITY_GROUP, List.copyOf(missingGroups));
        }
        if (!missingRules.isEmpty()) {
            throw ResourceIds.notFound(IdKind.SECURITY_GROUP_RULE, List.copyOf(missingRules));
        }
    }

    private static List<Versioned<SecurityGroup>> groups(Store store, RequestContext context) {
        return store.list(NetworkRecords.SECURITY_GROUPS, context.account(), context.region());
    }
}
