package dev.gureum.core.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

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
 *
 * <p>A read that must miss nothing runs in {@link #settled}: it is answered only if no commit of the kind was
 * under way at any moment during it, so the index agreed with the store throughout, and the caller otherwise
 * reads the store itself. Commits are counted as the {@link FollowedStore} announces them, before the store
 * applies them, and again once the index has taken them in.
 */
public final class DerivedIndex<T> implements FollowedStore.Follower {
    private final Store store;
    private final RecordKind<T> kind;
    private final Function<T, Collection<String>> keysOf;
    /** Ids of the records holding each (account, region, key). */
    private final Map<Slot, Holders> ids = new ConcurrentHashMap<>();
    /** Commits (and wipes) of the kind announced, and those the index has taken in since; equal when idle. */
    private final AtomicLong begun = new AtomicLong();
    private final AtomicLong settledCommits = new AtomicLong();

    private record Slot(String account, String region, String key) {
    }

    /**
     * The ids holding one key. Most keys are held by a few records (an instance's volumes), kept as an
     * immutable list in id order that each change replaces; a key held by more (a state a whole fleet is in)
     * keeps its ids in a concurrent set changed in place, sorted when listed, so a launch adding hundreds of
     * instances costs the same per instance however many hold the key already.
     */
    private sealed interface Holders {
        /** Past this many ids, a list becomes a set. */
        int LISTED_AT_MOST = 16;

        int size();

        List<String> inOrder();
    }

    private record Few(List<String> inOrder) implements Holders {
        @Override
        public int size() {
            return inOrder.size();
        }
    }

    private record Many(Set<String> held) implements Holders {
        @Override
        public int size() {
            return held.size();
        }

        @Override
        public List<String> inOrder() {
            List<String> sorted = new ArrayList<>(held);
            sorted.sort(null);
            return sorted;
        }
    }

    /** Indexes the kind's records now in {@code store}; hand it to a {@link FollowedStore} to keep it current. */
    public DerivedIndex(Store store, RecordKind<T> kind, Function<T, Collection<String>> keysOf) {
        this.store = store;
        this.kind = kind;
        this.keysOf = keysOf;
        for (Versioned<T> record : store.listAll(kind)) {
            add(record.key(), keysOf.apply(record.value()));
        }
    }

    /** The ids of the records that held the key when last indexed, in id order. */
    public List<String> ids(String account, String region, String key) {
        Holders held = ids.get(new Slot(account, region, key));
        return held == null ? List.of() : held.inOrder();
    }

    /** How many records held the key when last indexed, without listing them. */
    public int count(String account, String region, String key) {
        Holders held = ids.get(new Slot(account, region, key));
        return held == null ? 0 : held.size();
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

    /**
     * Runs {@code read} (of this index and the store) and answers its result if no commit of the kind was under
     * way at any moment from its start to its end, or empty if one was: then the store may have shown a record
     * the index did not yet know of, and the caller reads the store instead.
     */
    public <R> Optional<R> settled(Supplier<R> read) {
        long settledBefore = settledCommits.get();
        long begunBefore = begun.get();
        if (begunBefore != settledBefore) {
            return Optional.empty();
        }
        R result = read.get();
        return begun.get() == begunBefore ? Optional.of(result) : Optional.empty();
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
    public void committing() {
        begun.incrementAndGet();
    }

    @Override
    public synchronized void committed(List<FollowedStore.Change> changes) {
        for (FollowedStore.Change change : changes) {
            T current = store.get(kind, change.key()).map(Versioned::value).orElse(null);
            Collection<String> held = current == null ? List.of() : keysOf.apply(current);
            removeAllBut(change.key(), kind.type().cast(change.before()), held);
            if (change.after() != change.before() && change.after() != current) {
                removeAllBut(change.key(), kind.type().cast(change.after()), held);
            }
            add(change.key(), held);
        }
        settledCommits.incrementAndGet();
    }

    /** Takes in whatever the store holds now for the batch's records, whether or not it made them. */
    @Override
    public void abandoned(List<FollowedStore.Change> changes) {
        committed(changes);
    }

    @Override
    public synchronized void wiped() {
        ids.clear();
        settledCommits.incrementAndGet();
    }

    private void add(RecordKey record, Collection<String> keys) {
        for (String key : keys) {
            Slot slot = new Slot(record.account(), record.region(), key);
            String id = record.id();
            switch (ids.get(slot)) {
                case null -> ids.put(slot, new Few(List.of(id)));
                case Few few -> {
                    int at = Collections.binarySearch(few.inOrder(), id);
                    if (at >= 0) {
                        continue;
                    }
                    if (few.size() < Holders.LISTED_AT_MOST) {
                        List<String> more = new ArrayList<>(few.size() + 1);
                        more.addAll(few.inOrder());
                        more.add(-at - 1, id);
                        ids.put(slot, new Few(List.copyOf(more)));
                    } else {
                        Set<String> held = ConcurrentHashMap.newKeySet();
                        held.addAll(few.inOrder());
                        held.add(id);
                        ids.put(slot, new Many(held));
                    }
                }
                case Many many -> many.held().add(id);
            }
        }
    }

    /** Takes the record out of the keys {@code value} holds, except those in {@code kept}. */
    private void removeAllBut(RecordKey record, T value, Collection<String> kept) {
        if (value == null) {
            return;
        }
        for (String key : keysOf.apply(value)) {
            if (kept.contains(key)) {
                continue;
            }
            Slot slot = new Slot(record.account(), record.region(), key);
            String id = record.id();
            switch (ids.get(slot)) {
                case null -> {
                    // not held
                }
                case Few few when Collections.binarySearch(few.inOrder(), id) < 0 -> {
                    // not held
                }
                case Few few -> {
                    List<String> fewer = few.inOrder().stream().filter(held -> !held.equals(id)).toList();
                    if (fewer.isEmpty()) {
                        ids.remove(slot);
                    } else {
                        ids.put(slot, new Few(fewer));
                    }
                }
                case Many many -> {
                    if (many.held().remove(id) && many.held().isEmpty()) {
                        ids.remove(slot);
                    }
                }
            }
        }
    }
}
