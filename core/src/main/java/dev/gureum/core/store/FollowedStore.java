package dev.gureum.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Store} that tells a {@link Follower} what each committed batch changed, after it is durable.
 * It lets something that mirrors records elsewhere (the runtime's firewalls) follow every commit of the
 * kinds it cares about without a hook in each service. The value a write replaced is read just before the
 * batch commits, so it is the one replaced unless another commit raced it; followers use it only for
 * facts that never change (a record's VPC) and read the current state themselves.
 */
public final class FollowedStore implements Store {
    private final Store store;
    private final Follower follower;

    /** Receives the changes of the kinds it follows, in the order of the batches, on the committing thread. */
    public interface Follower {
        boolean follows(RecordKind<?> kind);

        void committed(List<Change> changes);

        /** Every record is gone (the admin reset). */
        void wiped();
    }

    /** One write of a committed batch: the value before (null when it did not exist) and after (null: deleted). */
    public record Change(RecordKind<?> kind, RecordKey key, Object before, Object after) {
    }

    public FollowedStore(Store store, Follower follower) {
        this.store = store;
        this.follower = follower;
    }

    @Override
    public <T> Optional<Versioned<T>> get(RecordKind<T> kind, RecordKey key) {
        return store.get(kind, key);
    }

    @Override
    public <T> List<Versioned<T>> list(RecordKind<T> kind, String account, String region) {
        return store.list(kind, account, region);
    }

    @Override
    public <T> List<Versioned<T>> listAll(RecordKind<T> kind) {
        return store.listAll(kind);
    }

    @Override
    public void apply(WriteBatch batch) {
        List<Change> changes = new ArrayList<>();
        for (WriteBatch.Write write : batch.writes()) {
            if (follower.follows(write.kind())) {
                Object before = store.get(write.kind(), write.key()).map(Versioned::value).orElse(null);
                changes.add(new Change(write.kind(), write.key(), before, write.value()));
            }
        }
        store.apply(batch);
        if (!changes.isEmpty()) {
            follower.committed(changes);
        }
    }

    @Override
    public void wipe() {
        store.wipe();
        follower.wiped();
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public void close() {
        store.close();
    }
}
