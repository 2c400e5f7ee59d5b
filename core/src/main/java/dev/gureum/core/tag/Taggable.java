package dev.gureum.core.tag;

import dev.gureum.core.RequestContext;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A kind of resource that carries tags in a record of its own: how its ids look, where its records are,
 * how to read and replace its tags, and the resource type name EC2 shows in DescribeTags (e.g. "instance").
 */
public record Taggable<T>(IdKind idKind, String resourceType, RecordKind<T> records,
                          Function<T, List<Tag>> tags, BiFunction<T, List<Tag>, T> withTags) implements TaggedKind {

    @Override
    public List<IdKind> idKinds() {
        return List.of(idKind);
    }

    @Override
    public void collect(Store store, RequestContext context, Consumer<TagService.ResourceTag> into) {
        for (Versioned<T> record : store.list(records, context.account(), context.region())) {
            for (Tag tag : tags.apply(record.value())) {
                into.accept(new TagService.ResourceTag(record.key().id(), resourceType, tag.key(), tag.value()));
            }
        }
    }

    @Override
    public void stage(Store store, RequestContext context, List<String> resourceIds, WriteBatch batch,
                      UnaryOperator<List<Tag>> change) {
        for (String resourceId : resourceIds) {
            ResourceIds.requireWellFormed(idKind, List.of(resourceId));
            RecordKey key = new RecordKey(context.account(), context.region(), resourceId);
            Versioned<T> record = store.get(records, key)
                    .orElseThrow(() -> ResourceIds.notFound(idKind, List.of(resourceId)));
            T value = record.value();
            batch.put(records, key, record.version(), withTags.apply(value, change.apply(tags.apply(value))));
        }
    }
}
