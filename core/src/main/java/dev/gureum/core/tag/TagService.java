package dev.gureum.core.tag;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.store.ConflictRetries;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * CreateTags, DeleteTags and DescribeTags over every taggable kind of resource. Each area registers its
 * kind once; tags live inside the resource's own record, so a resource and its tags change together.
 */
public final class TagService {
    /** One tag of one resource, as DescribeTags lists it. */
    public record ResourceTag(String resourceId, String resourceType, String key, String value) {
    }

    /** How often a tag change is made again after losing a race, before the caller is asked to retry. */
    private static final int ATTEMPTS = 5;
    private static final FilterSet<ResourceTag> FILTERS = FilterSet.<ResourceTag>builder()
            .single("key", ResourceTag::key)
            .single("value", ResourceTag::value)
            .single("resource-id", ResourceTag::resourceId)
            .single("resource-type", ResourceTag::resourceType)
            .prefixed("tag:", (tag, key) -> tag.key().equals(key) ? List.of(tag.value()) : List.of())
            .build();

    private final Store store;
    private final Map<IdKind, TaggedKind> kinds = new EnumMap<>(IdKind.class);
    private final List<TaggedKind> unprefixed = new ArrayList<>();

    public TagService(Store store) {
        this.store = store;
    }

    public void register(TaggedKind kind) {
        kind.idKinds().forEach(idKind -> kinds.put(idKind, kind));
        if (kind.idKinds().isEmpty()) {
            unprefixed.add(kind);
        }
    }

    /** Every registered kind, once. */
    private java.util.Set<TaggedKind> allKinds() {
        java.util.Set<TaggedKind> all = new LinkedHashSet<>(kinds.values());
        all.addAll(unprefixed);
        return all;
    }

    public void create(RequestContext context, List<String> resourceIds, List<Tag> tags) {
        requireResources(resourceIds);
        TagRules.validate(tags);
        change(context, resourceIds, current -> TagRules.merge(current, tags));
    }

    public void delete(RequestContext context, List<String> resourceIds, List<TagRules.RemovedTag> tags) {
        requireResources(resourceIds);
        if (tags.stream().anyMatch(tag -> tag.key() == null || tag.key().isEmpty())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Tag keys must not be empty.");
        }
        change(context, resourceIds, current -> tags.isEmpty() ? List.of() : TagRules.remove(current, tags));
    }

    public Page<ResourceTag> describe(RequestContext context, List<Filter> filters, Integer maxResults,
                                      String nextToken) {
        List<ResourceTag> all = new ArrayList<>();
        for (TaggedKind kind : allKinds()) {
            kind.collect(store, context, all::add);
        }
        List<ResourceTag> matching = all.stream().filter(FILTERS.compile(filters))
                .sorted(Comparator.comparing(ResourceTag::resourceId).thenComparing(ResourceTag::key)).toList();
        return Pages.page("DescribeTags",
                matching, tag -> tag.resourceId() + "\u0000" + tag.key(), maxResults, nextToken, 5, 1000);
    }

    /** The tags of every tagged resource in the caller's account and region, by resource id. */
    public Map<String, Map<String, String>> byResource(RequestContext context) {
        Map<String, Map<String, String>> byResource = new java.util.HashMap<>();
        for (TaggedKind kind : allKinds()) {
            kind.collect(store, context, tag -> byResource.computeIfAbsent(tag.resourceId(),
                    unused -> new java.util.HashMap<>()).put(tag.key(), tag.value()));
        }
        return byResource;
    }

    private static void requireResources(List<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter ResourceId");
        }
    }

    /**
     * One batch for the whole request; each kind stages all of its resources at once. A batch that loses a race
     * with another change of the same resources (parallel CreateTags on one VPC) is made again from what is then
     * committed; should they keep changing, the caller is asked to retry ({@code ServiceUnavailable}).
     */
    private void change(RequestContext context, List<String> resourceIds, UnaryOperator<List<Tag>> change) {
        Map<TaggedKind, List<String>> byKind = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(resourceIds)) {
            IdKind idKind = IdKind.ofId(id);
            TaggedKind kind = idKind != null ? kinds.get(idKind)
                    : unprefixed.stream().filter(candidate -> candidate.owns(id)).findFirst().orElse(null);
            if (kind == null) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid id: \"" + id + "\"");
            }
            byKind.computeIfAbsent(kind, unused -> new ArrayList<>()).add(id);
        }
        ConflictRetries.onConflict(ATTEMPTS, () -> {
            WriteBatch batch = new WriteBatch();
            byKind.forEach((kind, ids) -> kind.stage(store, context, ids, batch, change));
            Writes.commit(store, context, batch);
            return null;
        }, changedMeanwhile -> Ec2Error.SERVICE_UNAVAILABLE.exception(
                "The resources are being changed by other requests; retry the request."));
    }
}
