package dev.gureum.core.tag;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CreateTags, DeleteTags and DescribeTags over every taggable kind of resource. Each area registers its
 * kind once; tags live inside the resource's own record, so a resource and its tags change together.
 */
public final class TagService {
    /** One tag of one resource, as DescribeTags lists it. */
    public record ResourceTag(String resourceId, String resourceType, String key, String value) {
    }

    private static final FilterSet<ResourceTag> FILTERS = FilterSet.<ResourceTag>builder()
            .single("key", ResourceTag::key)
            .single("value", ResourceTag::value)
            .single("resource-id", ResourceTag::resourceId)
            .single("resource-type", ResourceTag::resourceType)
            .prefixed("tag:", (tag, key) -> tag.key().equals(key) ? List.of(tag.value()) : List.of())
            .build();

    private final Store store;
    private final Map<IdKind, Taggable<?>> kinds = new EnumMap<>(IdKind.class);

    public TagService(Store store) {
        this.store = store;
    }

    public void register(Taggable<?> taggable) {
        kinds.put(taggable.idKind(), taggable);
    }

    public void create(RequestContext context, List<String> resourceIds, List<Tag> tags) {
        requireResources(resourceIds);
        TagRules.validate(tags);
        WriteBatch batch = new WriteBatch();
        for (String id : new java.util.LinkedHashSet<>(resourceIds)) {
            stage(context, id, batch, current -> TagRules.merge(current, tags));
        }
        Writes.commit(store, context, batch);
    }

    public void delete(RequestContext context, List<String> resourceIds, List<TagRules.RemovedTag> tags) {
        requireResources(resourceIds);
        if (tags.stream().anyMatch(tag -> tag.key() == null || tag.key().isEmpty())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Tag keys must not be empty.");
        }
        WriteBatch batch = new WriteBatch();
        for (String id : new java.util.LinkedHashSet<>(resourceIds)) {
            stage(context, id, batch, current -> tags.isEmpty() ? List.of() : TagRules.remove(current, tags));
        }
        Writes.commit(store, context, batch);
    }

    public Page<ResourceTag> describe(RequestContext context, List<Filter> filters, Integer maxResults,
                                      String nextToken) {
        List<ResourceTag> all = new ArrayList<>();
        for (Taggable<?> kind : kinds.values()) {
            collect(context, kind, all);
        }
        List<ResourceTag> matching = all.stream().filter(FILTERS.compile(filters))
                .sorted(Comparator.comparing(ResourceTag::resourceId).thenComparing(ResourceTag::key)).toList();
        return Pages.page(matching, tag -> tag.resourceId() + "\u0000" + tag.key(), maxResults, nextToken, 5, 1000);
    }

    private static void requireResources(List<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter ResourceId");
        }
    }

    private <T> void collect(RequestContext context, Taggable<T> kind, Collection<ResourceTag> into) {
        for (Versioned<T> record : store.list(kind.records(), context.account(), context.region())) {
            for (Tag tag : kind.tags().apply(record.value())) {
                into.add(new ResourceTag(record.key().id(), kind.resourceType(), tag.key(), tag.value()));
            }
        }
    }

    private void stage(RequestContext context, String resourceId, WriteBatch batch,
                       java.util.function.UnaryOperator<List<Tag>> change) {
        IdKind idKind = IdKind.ofId(resourceId);
        Taggable<?> kind = idKind == null ? null : kinds.get(idKind);
        if (kind == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid id: \"" + resourceId + "\"");
        }
        stage(context, kind, resourceId, batch, change);
    }

    private <T> void stage(RequestContext context, Taggable<T> kind, String resourceId, WriteBatch batch,
                           java.util.function.UnaryOperator<List<Tag>> change) {
        ResourceIds.requireWellFormed(kind.idKind(), List.of(resourceId));
        RecordKey key = new RecordKey(context.account(), context.region(), resourceId);
        Optional<Versioned<T>> record = store.get(kind.records(), key);
        if (record.isEmpty()) {
            throw ResourceIds.notFound(kind.idKind(), List.of(resourceId));
        }
        T value = record.get().value();
        batch.put(kind.records(), key, record.get().version(), kind.withTags().apply(value, change.apply(kind.tags().apply(value))));
    }
}
