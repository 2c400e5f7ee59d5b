package dev.gureum.store;

import dev.gureum.core.store.RecordKey;
import java.io.IOException;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live record in memory: kind, then (account, region), then the scope's records by id. A lookup is
 * three hash lookups; a listing walks one scope in id order and touches no other account, region or kind.
 * Only the single committing thread mutates it; readers need no lock and see each record either before or
 * after a change.
 */
final class RecordIndex {
    private final Map<String, Map<Scope, ScopeRecords>> kinds = new ConcurrentHashMap<>();

    /** One account's records in one region. */
    private record Scope(String account, String region) {
    }

    /**
     * One scope's records twice over: hashed by id for lookups, which every read and every committed write
     * makes, and in id order for listings. The order is a sorted array of slots that is replaced, never
     * changed, once per committed batch that adds or removes records of the scope: the batch's new ids are
     * sorted and merged in one pass (inserting each into a skip list had become the largest single cost of
     * committing a launch of 100). A slot holds its record's current version, so an update moves nothing; a
     * removed record's slot is emptied at once and left out of the next order.
     */
    private static final class ScopeRecords {
        private static final Slot[] NONE = new Slot[0];

        final Map<String, Slot> byId = new ConcurrentHashMap<>();
        private volatile Slot[] inOrder = NONE;
        /** Slots the batch being applied added, not yet in {@link #inOrder}; null when there are none. */
        private List<Slot> added;
        /** Whether the batch being applied emptied a slot that is still in {@link #inOrder}. */
        private boolean emptied;

        StoredRecord find(String id) {
            Slot slot = byId.get(id);
            return slot == null ? null : slot.record;
        }

        /** Whether the batch being applied changed the order, so the scope must be {@link #settle}d after it. */
        boolean unsettled() {
            return added != null || emptied;
        }

        void put(String id, StoredRecord record) {
            Slot slot = byId.get(id);
            if (slot != null) {
                slot.record = record;
                return;
            }
            slot = new Slot(id, record);
            byId.put(id, slot);
            if (added == null) {
                added = new ArrayList<>();
            }
            added.add(slot);
        }

        void remove(String id) {
            Slot slot = byId.remove(id);
            if (slot != null) {
                slot.record = null;
                emptied = true;
            }
        }

        /** Publishes the order with the batch's new slots merged in and its emptied ones left out. */
        void settle() {
            Slot[] current = inOrder;
            Slot[] fresh = NONE;
            if (added != null) {
                fresh = added.stream().filter(slot -> slot.record != null).sorted(BY_ID).toArray(Slot[]::new);
            }
            Slot[] next = new Slot[current.length + fresh.length];
            int kept = 0;
            int i = 0;
            int j = 0;
            while (i < current.length || j < fresh.length) {
                Slot slot = j == fresh.length || i < current.length && current[i].id.compareTo(fresh[j].id) < 0
                        ? current[i++] : fresh[j++];
                if (slot.record != null) {
                    next[kept++] = slot;
                }
            }
            inOrder = kept == next.length ? next : Arrays.copyOf(next, kept);
            added = null;
            emptied = false;
        }

        /** The records in id order, as they are while the caller walks them. */
        Collection<StoredRecord> inOrder() {
            return new InOrder(inOrder);
        }
    }

    private static final Comparator<Slot> BY_ID = Comparator.comparing(slot -> slot.id);

    /** A record's place in its scope's order; its record changes with each version, and is null once removed. */
    private static final class Slot {
        final String id;
        volatile StoredRecord record;

        Slot(String id, StoredRecord record) {
            this.id = id;
            this.record = record;
        }
    }

    /** The records of an order's slots, skipping those removed since it was published. */
    private static final class InOrder extends AbstractCollection<StoredRecord> {
        private final Slot[] slots;

        InOrder(Slot[] slots) {
            this.slots = slots;
        }

        @Override
        public Iterator<StoredRecord> iterator() {
            return new Iterator<>() {
                private int index;
                private StoredRecord next = advance();

                private StoredRecord advance() {
                    while (index < slots.length) {
                        StoredRecord record = slots[index++].record;
                        if (record != null) {
                            return record;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public StoredRecord next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    StoredRecord current = next;
                    next = advance();
                    return current;
                }
            };
        }

        @Override
        public int size() {
            int size = 0;
            for (Slot slot : slots) {
                if (slot.record != null) {
                    size++;
                }
            }
            return size;
        }
    }

    /** Receives each live record, with its kind, for a snapshot. */
    @FunctionalInterface
    interface Visitor {
        void visit(String kind, StoredRecord record) throws IOException;
    }

    StoredRecord find(String kind, RecordKey key) {
        ScopeRecords scope = scope(kind, key.account(), key.region());
        return scope == null ? null : scope.find(key.id());
    }

    /** The current version of a record, or 0 when it does not exist. */
    long version(String kind, RecordKey key) {
        StoredRecord record = find(kind, key);
        return record == null ? 0 : record.version();
    }

    Collection<StoredRecord> list(String kind, String account, String region) {
        ScopeRecords scope = scope(kind, account, region);
        return scope == null ? List.of() : scope.inOrder();
    }

    /** Every record of a kind, across accounts and regions (for reconcilers at start-up). */
    List<StoredRecord> listAll(String kind) {
        Map<Scope, ScopeRecords> scopes = kinds.get(kind);
        return scopes == null ? List.of()
                : scopes.values().stream().flatMap(scope -> scope.inOrder().stream()).toList();
    }

    void apply(LogEntry entry) {
        switch (entry) {
            case LogEntry.Batch batch -> {
                List<ScopeRecords> unsettled = new ArrayList<>();
                for (Change change : batch.changes()) {
                    ScopeRecords scope = apply(change);
                    if (scope != null) {
                        unsettled.add(scope);
                    }
                }
                unsettled.forEach(ScopeRecords::settle);
            }
            case LogEntry.Wipe wipe -> kinds.clear();
            case LogEntry.SnapshotEnd end -> {
                // marks the end of a snapshot file; no record changes
            }
        }
    }

    void forEach(Visitor visitor) throws IOException {
        for (Map.Entry<String, Map<Scope, ScopeRecords>> kind : kinds.entrySet()) {
            for (ScopeRecords scope : kind.getValue().values()) {
                for (StoredRecord record : scope.inOrder()) {
                    visitor.visit(kind.getKey(), record);
                }
            }
        }
    }

    /** Applies one change of a batch; answers its scope if this change is the one that made its order unsettled. */
    private ScopeRecords apply(Change change) {
        RecordKey key = change.key();
        Scope scopeKey = new Scope(key.account(), key.region());
        ScopeRecords scope;
        if (change.isRemoval()) {
            Map<Scope, ScopeRecords> scopes = kinds.get(change.kind());
            scope = scopes == null ? null : scopes.get(scopeKey);
            if (scope == null) {
                return null;
            }
            boolean settled = !scope.unsettled();
            scope.remove(key.id());
            return settled && scope.unsettled() ? scope : null;
        }
        scope = kinds.computeIfAbsent(change.kind(), kind -> new ConcurrentHashMap<>())
                .computeIfAbsent(scopeKey, unused -> new ScopeRecords());
        boolean settled = !scope.unsettled();
        scope.put(key.id(), new StoredRecord(key, change.version(), change.json(), change.written()));
        return settled && scope.unsettled() ? scope : null;
    }

    private ScopeRecords scope(String kind, String account, String region) {
        Map<Scope, ScopeRecords> scopes = kinds.get(kind);
        return scopes == null ? null : scopes.get(new Scope(account, region));
    }
}
