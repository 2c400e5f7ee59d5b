package dev.gureum.core.tag;

import dev.gureum.core.RequestContext;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.WriteBatch;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What CreateTags, DeleteTags and DescribeTags need of a kind of resource: the ids it answers for, its
 * tagged resources, and the writes that change their tags. Most kinds keep each resource in a record of its
 * own ({@link Taggable}); a record that carries the tags of several resources (a security group and the
 * rules inside it) answers for all their id kinds, so one change writes that record once.
 */
public interface TaggedKind {
    List<IdKind> idKinds();

    /** Whether an id of no {@link IdKind} (one without a prefix, as a Reserved Instance's UUID) is this kind's. */
    default boolean owns(String resourceId) {
        return false;
    }

    /** Every tag of every resource of the kind in the caller's account and region. */
    void collect(Store store, RequestContext context, Consumer<TagService.ResourceTag> into);

    /**
     * Adds to {@code batch} the writes that apply {@code change} to the tags of each resource named.
     *
     * @param resourceIds distinct ids of this kind's id kinds
     * @throws dev.gureum.core.error.CloudException {@code <family>.Malformed} or {@code <family>.NotFound}
     */
    void stage(Store store, RequestContext context, List<String> resourceIds, WriteBatch batch,
               UnaryOperator<List<Tag>> change);
}
