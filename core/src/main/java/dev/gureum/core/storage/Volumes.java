package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.List;

/** Finding volumes the way every volume operation does, with EC2's answers for missing ones. */
final class Volumes {
    private Volumes() {
    }

    static Versioned<Volume> require(Store store, RequestContext context, String volumeId) {
        if (volumeId == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter volumeId");
        }
        ResourceIds.requireWellFormed(IdKind.VOLUME, List.of(volumeId));
        return store.get(StorageRecords.VOLUMES, key(context, volumeId)).orElseThrow(() -> notFound(List.of(volumeId)));
    }

    static RuntimeException notFound(List<String> ids) {
        return Ec2Error.VOLUME_ID_NOT_FOUND.exception(ids.size() == 1 ? "The volume '" + ids.get(0)
                + "' does not exist." : "The volumes '" + String.join(", ", ids) + "' do not exist.");
    }

    static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }
}
