package dev.gureum.core.reserved;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagService;
import dev.gureum.core.tag.TaggedKind;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The tags of Reserved Instances (DescribeTags' resource type {@code reserved-instances}). Their ids carry no
 * prefix, only a UUID, so CreateTags and DeleteTags find this kind by the id's shape.
 */
public final class ReservedInstanceTags implements TaggedKind {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Override
    public List<IdKind> idKinds() {
        return List.of();
    }

    @Override
    public boolean owns(String resourceId) {
        return UUID.matcher(resourceId).matches();
    }

    @Override
    public void collect(Store store, RequestContext context, Consumer<TagService.ResourceTag> into) {
        for (Versioned<ReservedInstance> reserved : store.list(ReservedRecords.RESERVED_INSTANCES, context.account(),
                context.region())) {
            for (Tag tag : reserved.value().tags()) {
                into.accept(new TagService.ResourceTag(reserved.key().id(), "reserved-instances", tag.key(),
                        tag.value()));
            }
        }
    }

    @Override
    public void stage(Store store, RequestContext context, List<String> resourceIds, WriteBatch batch,
                      UnaryOperator<List<Tag>> change) {
        for (String id : resourceIds) {
            RecordKey key = new RecordKey(context.account(), context.region(), id);
            Versioned<ReservedInstance> reserved = store.get(ReservedRecords.RESERVED_INSTANCES, key)
                    .orElseThrow(() -> Ec2Error.INVALID_RESERVED_INSTANCES_ID.exception(
                            "Reserved Instances ID '" + id + "' does not exist."));
            batch.put(ReservedRecords.RESERVED_INSTANCES, key, reserved.version(),
                    reserved.value().withTags(change.apply(reserved.value().tags())));
        }
    }
}
