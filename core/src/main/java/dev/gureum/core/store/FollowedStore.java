package dev.gureum.core.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Store} that tells its {@link Follower}s what each committed batch changed, after it is durable.
 * It lets something that mirrors records elsewhere (the runtime's firewalls, an index of attachments) follow
 * every commit of the kinds it cares about without a hook in each service. The value a write replaced is
 * read just before the batch commits, so it is the one replaced unless another commit raced it; followers
 * use it only for facts that never change (a record's VPC) or as a hint, and read the current state themselves.
 */
public final class FollowedStore extends ForwardingStore {
    private final List<Follower> followers = new CopyOnWriteArrayList<>();

    /**
     * Receives the changes of the kinds it follows, in the order of the batches, on the committing thread. Each
     * batch with such changes is announced by {@link #committing} before the store applies it, and then told
     * to exactly one of {@link #committed} and {@link #abandoned}; a wipe is announced too, then {@link #wiped}.
     */
    public interface Follower {
        boolean follows(RecordKind<?> kind);

        /** A batch with changes of the followed kinds (or a wipe) is about to reach the store. */
        default void committing() {
        }

        void committed(List<Change> changes);

        /**
         * The store refused the batch or failed while applying it: none of the changes may have been made, or
         * (after a failure) some may have been.
         */
        default void abandoned(List<Change> changes) {
        }

        /** Every record is gone (the admin reset). */
        void wiped();
    }

    /** One write of a committed batch: the value before (null when it did not exist) and after (null: deleted). */
    public record Change(RecordKind<?> kind, RecordKey key, Object before, Object after) {
    }

    public FollowedStore(Store store) {
        super(store);
    }

    /** From now on, the follower hears of every commit of the kinds it follows. */
    public <F extends Follower> F follow(F follower) {
        followers.add(follower);
        return follower;
    }

    @Override
    public void apply(WriteBatch batch) {
        List<Change> changes = new ArrayList<>();
        for (WriteBatch.Write write : batch.writes()) {
            if (followed(write.kind())) {
                Object before = store().get(write.kind(), write.key()).map(Versioned::value).orElse(null);
                changes.add(new Change(write.kind(), write.key(), before, write.value()));
            }
        }
        if (changes.isEmpty()) {
            store().apply(batch);
            return;
        }
        Map<Follower, List<Change>> told = new LinkedHashMap<>();
        for (Follower follower : followers) {
            List<Change> followed = changes.stream().filter(change -> follower.follows(change.kind())).toList();
            if (!followed.isEmpty()) {
                told.put(follower, followed);
            }
        }
        told.keySet().forEach(Follower::committing);
        try {
            store().apply(batch);
        } catch (RuntimeException | Error failure) {
            told.forEach(Follower::abandoned);
            throw failure;
        }
        told.forEach(Follower::committed);
    }

    private boolean followed(RecordKind<?> kind) {
        for (Follower follower : followers) {
            if (follower.follows(kind)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void wipe() {
        List<Follower> told = List.copyOf(followers);
        told.forEach(Follower::committing);
        store().wipe();
        told.forEach(Follower::wiped);
    }
}
