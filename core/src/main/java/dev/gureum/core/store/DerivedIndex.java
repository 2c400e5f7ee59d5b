package dev.gureum.core.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which records of one kind hold a key derived from their value (which volumes name an instance among their
 * attachments), kept in memory beside the store and current with every commit, so a read finds them by key
 * instead of walking every record of the kind. Nothing of it is stored: it is built from the records when
 * the server starts.
 *
 * <p>It is a hint, not the truth. It is updated after a batch is durable, from the record as the store then
 * holds it, so a reader racing a commit can miss the record that commit just made, and may be handed a
 * record that no longer holds the key: callers read each record it names and check it. Because every update
 * recomputes a record's keys from its current value (dropping the keys of the values before and after the
 * write), commits that reach it out of order still leave it right.
 */
public final class DerivedIndex<T> implements FollowedStore.Follower {
    private final Store store;
    private final RecordKind<T> kind;
    private final Function<T, Collection<String>> keysOf;
    /** Ids of the records holding each (account, region, key); each list is replaced, never changed. */
    private final Map<Slot, List<String>> ids = new ConcurrentHashMap<>();

    private record Slot(String account, String region, String key) {
    }

    /** Indexes the kind's records now in {@code store}; hand it to a {@link FollowedStore} to keep it current. */
    public DerivedIndex(Store store, RecordKind<T> kind, Function<T, Collection<String>> keysOf) {
        this.store = store;
        this.kind = kind;
        this.keysOf = keysOf;
        for (Versioned<T> record : store.listAll(kind)) {
            add(record.key(), record.value());
        }
    }

    /** The ids of the records that held the key when last indexed, in the order they were indexed. */
    public List<String> ids(String account, String region, String key) {
        return ids.getOrDefault(new Slot(account, region, key), List.of());
    }

    /**
     * The records that hold any of the keys now, each once, read from the store and checked against it.
     * {@code keys} is asked {@code contains} once per record found: hand a set when there are many.
     */
    public List<Versioned<T>> records(String account, String region, Collection<String> keys) {
        Set<String> seen = keys.size() > 1 ? new HashSet<>() : null;
        List<Versioned<T>> found = new ArrayList<>();
        for (String key : keys) {
            for (String id : ids(account, region, key)) {
                if (seen != null && !seen.add(id)) {
                    continue;
                }
                Versioned<T> record = store.get(kind, new RecordKey(account, region, id)).orElse(null);
                if (record != null && holdsAny(record.value(), keys)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    private boolean holdsAny(T value, Collection<String> keys) {
        for (String key : keysOf.apply(value)) {
            if (keys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean follows(RecordKind<?> followed) {
        return followed.equals(kind);
    }

    @Override
    public synchronized void committed(List<FollowedStore.Change> changes) {
        for (FollowedStore.Change change : changes) {
            remove(change.key(), kind.type().cast(change.before()));
            remove(change.key(), kind.type().cast(change.after()));
            store.get(kind, change.key()).ifPresent(current -> add(change.key(), current.value()));
        }
    }

    @Override
    public synchronized void wiped() {
        ids.clear();
    }

    private void add(RecordKey record, T value) {
        for (String key : keysOf.apply(value)) {
            ids.compute(new Slot(record.account(), record.region(), key), (slot, held) -> {
                if (held == null) {
                    return List.of(record.id());
                }
                if (held.contains(record.id())) {
                    return held;
                }
                List<String> more = new ArrayList<>(held.size() + 1);
                more.addAll(held);
                more.add(record.id());
                return List.copyOf(more);
            });
        }
    }

    private void remove(RecordKey record, T value) {
        if (value == null) {
            return;
        }
        for (String key : keysOf.apply(value)) {
            ids.computeIfPresent(new Slot(record.account(), record.region(), key), (slot, held) -> {
                if (!held.contains(record.id())) {
                    return held;
                }
                List<String> fewer = held.stream().filter(id -> !id.equals(record.id())).toList();
                return fewer.isEmpty() ? null : fewer;
            });
        }
    }
}
