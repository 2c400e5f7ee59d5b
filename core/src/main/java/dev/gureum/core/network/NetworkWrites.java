package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;

/** How the network services key and commit their records. */
final class NetworkWrites {
    private NetworkWrites() {
    }

    static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }

    /**
     * Commits a batch built from records read moments before; when another request changed one of them in
     * between, the caller is told to retry ({@code IncorrectState}) rather than half of its change applied.
     */
    static void commit(Store store, RequestContext context, WriteBatch batch, String what) {
        try {
            Writes.commit(store, context, batch);
        } catch (VersionConflictException changedMeanwhile) {
            throw Ec2Error.INCORRECT_STATE.exception("The " + what + " changed during the request; retry it.");
        }
    }
}
