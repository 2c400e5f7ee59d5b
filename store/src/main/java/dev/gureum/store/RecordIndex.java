package dev.gureum.store;

import dev.gureum.core.store.LedgerKind;
import dev.gureum.core.store.RecordKey;
import java.io.IOException;
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

    /** Receives each live record and each ledger, with its kind, for a snapshot. */
    interface Visitor {
        void visit(String kind, StoredRecord record) throws IOException;

        void visitLedger(String kind, String account, String region, Ledger ledger) throws IOException;
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
            case LogEntry.Batch batch -> {
                batch.changes().forEach(this::apply);
                batch.appended().forEach(this::append);
            }
            case LogEntry.LedgerBlock block -> append(block);
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
                    visitor.visitLedger(kind.getKey(), account.getKey(), region.getKey(), region.getValue());
                }
            }
        }
    }

    /** An account's ledger of a kind, per region in region order. */
    <T> Map<String, List<T>> ledger(LedgerKind<T> kind, String account) {
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

    private void append(LogEntry.LedgerBlock block) {
        Ledger ledger = ledger(block.kind(), block.account(), block.region());
        block.entries().forEach(ledger::append);
    }

    private Ledger ledger(String kind, String account, String region) {
        return ledgers.computeIfAbsent(kind, unused -> new ConcurrentHashMap<>())
                .computeIfAbsent(account, unused -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(region, unused -> new Ledger());
    }

    private ScopeRecords scope(String kind, String account, String region) {
        Map<Scope, ScopeRecords> scopes = kinds.get(kind);
        return scopes == null ? null : scopes.get(new Scope(account, region));
    }
}
