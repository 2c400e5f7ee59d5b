package dev.gureum.store;

import dev.gureum.core.store.LedgerKind;
import dev.gureum.core.store.RecordKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every live record in memory: kind, then (account, region), then the scope's records by id. A lookup is
 * three hash lookups; a listing walks one scope in id order and touches no other account, region or kind.
 * Only the single committing thread mutates it; readers need no lock and see each record either before or
 * after a change.
 */
final class RecordIndex {
    private final Map<String, Map<Scope, ScopeRecords>> kinds = new ConcurrentHashMap<>();
    /** Ledger kind, then account, then region (sorted, so bills list regions in order). */
    private final Map<String, Map<String, Map<String, Ledger>>> ledgers = new ConcurrentHashMap<>();
    /** The ledger kinds this process appended to or read, by name: their codecs write snapshots. */
    private final Map<String, LedgerKind<?>> ledgerKinds = new ConcurrentHashMap<>();

    /** One account's records in one region. */
    private record Scope(String account, String region) {
    }

    /**
     * One scope's records twice over: hashed by id for lookups, which every read and every committed write
     * makes (a skip list's search was half of the committing thread's time in a launch of 100), and sorted
     * by id for listings. The two share the records, so the cost is the hash table's nodes.
     */
    private static final class ScopeRecords {
        final Map<String, StoredRecord> byId = new ConcurrentHashMap<>();
        final ConcurrentSkipListMap<String, StoredRecord> inOrder = new ConcurrentSkipListMap<>();

        void put(String id, StoredRecord record) {
            inOrder.put(id, record);
            byId.put(id, record);
        }

        void remove(String id) {
            byId.remove(id);
            inOrder.remove(id);
        }
    }

    /** Receives each live record and each ledger entry, with its kind, for a snapshot. */
    interface Visitor {
        void visit(String kind, StoredRecord record) throws IOException;

        void visitAppended(String kind, RecordKey scope, byte[] bytes) throws IOException;
    }

    StoredRecord find(String kind, RecordKey key) {
        ScopeRecords scope = scope(kind, key.account(), key.region());
        return scope == null ? null : scope.byId.get(key.id());
    }

    /** The current version of a record, or 0 when it does not exist. */
    long version(String kind, RecordKey key) {
        StoredRecord record = find(kind, key);
        return record == null ? 0 : record.version();
    }

    Collection<StoredRecord> list(String kind, String account, String region) {
        ScopeRecords scope = scope(kind, account, region);
        return scope == null ? List.of() : scope.inOrder.values();
    }

    /** Every record of a kind, across accounts and regions (for reconcilers at start-up). */
    List<StoredRecord> listAll(String kind) {
        Map<Scope, ScopeRecords> scopes = kinds.get(kind);
        return scopes == null ? List.of()
                : scopes.values().stream().flatMap(scope -> scope.inOrder.values().stream()).toList();
    }

    void apply(LogEntry entry) {
        switch (entry) {
            case LogEntry.Batch batch -> batch.changes().forEach(this::apply);
            case LogEntry.Wipe wipe -> {
                kinds.clear();
                ledgers.clear();
            }
            case LogEntry.SnapshotEnd end -> {
                // marks the end of a snapshot file; no record changes
            }
        }
    }

    void forEach(Visitor visitor) throws IOException {
        for (Map.Entry<String, Map<Scope, ScopeRecords>> kind : kinds.entrySet()) {
            for (ScopeRecords scope : kind.getValue().values()) {
                for (StoredRecord record : scope.inOrder.values()) {
                    visitor.visit(kind.getKey(), record);
                }
            }
        }
        for (var kind : ledgers.entrySet()) {
            for (var account : kind.getValue().entrySet()) {
                for (var region : account.getValue().entrySet()) {
                    RecordKey scope = new RecordKey(account.getKey(), region.getKey(), "");
                    List<byte[]> entries = new ArrayList<>(region.getValue().size());
                    region.getValue().forEachBytes(ledgerKinds.get(kind.getKey()), entries::add);
                    for (byte[] bytes : entries) {
                        visitor.visitAppended(kind.getKey(), scope, bytes);
                    }
                }
            }
        }
    }

    /** Learns a ledger kind's codec, before its first append or read. */
    void know(LedgerKind<?> kind) {
        ledgerKinds.putIfAbsent(kind.name(), kind);
    }

    /** An account's ledger of a kind, per region in region order. */
    <T> Map<String, List<T>> ledger(LedgerKind<T> kind, String account) {
        know(kind);
        Map<String, Map<String, Ledger>> accounts = ledgers.get(kind.name());
        Map<String, Ledger> regions = accounts == null ? null : accounts.get(account);
        if (regions == null) {
            return Map.of();
        }
        Map<String, List<T>> byRegion = new TreeMap<>();
        regions.forEach((region, ledger) -> byRegion.put(region, ledger.values(kind)));
        return byRegion;
    }

    private void apply(Change change) {
        RecordKey key = change.key();
        if (change.isAppend()) {
            ledgers.computeIfAbsent(change.kind(), kind -> new ConcurrentHashMap<>())
                    .computeIfAbsent(key.account(), account -> new ConcurrentSkipListMap<>())
                    .computeIfAbsent(key.region(), region -> new Ledger())
                    .append(change.json(), change.written() == null ? null : change.written().value());
            return;
        }
        Scope scopeKey = new Scope(key.account(), key.region());
        if (change.isRemoval()) {
            Map<Scope, ScopeRecords> scopes = kinds.get(change.kind());
            ScopeRecords scope = scopes == null ? null : scopes.get(scopeKey);
            if (scope != null) {
                scope.remove(key.id());
            }
            return;
        }
        kinds.computeIfAbsent(change.kind(), kind -> new ConcurrentHashMap<>())
                .computeIfAbsent(scopeKey, scope -> new ScopeRecords())
                .put(key.id(), new StoredRecord(key, change.version(), change.json(), change.written()));
    }

    private ScopeRecords scope(String kind, String account, String region) {
        Map<Scope, ScopeRecords> scopes = kinds.get(kind);
        return scopes == null ? null : scopes.get(new Scope(account, region));
    }
}
