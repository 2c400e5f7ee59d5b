package dev.gureum.store;

import dev.gureum.core.store.RecordKey;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every live record in memory: kind, then (account, region), then a map sorted by id. A lookup is two
 * hash lookups and a search within one scope; a listing walks one scope in id order and touches no
 * other account, region or kind. Only the single committing thread mutates it; readers need no lock
 * and see each record either before or after a change.
 */
final class RecordIndex {
    private final Map<String, Map<Scope, ConcurrentNavigableMap<String, StoredRecord>>> kinds =
            new ConcurrentHashMap<>();

    /** One account's records in one region. */
    private record Scope(String account, String region) {
    }

    /** Receives each live record, with its kind, for a snapshot. */
    @FunctionalInterface
    interface Visitor {
        void visit(String kind, StoredRecord record) throws IOException;
    }

    StoredRecord find(String kind, RecordKey key) {
        Map<String, StoredRecord> scope = scope(kind, key.account(), key.region());
        return scope == null ? null : scope.get(key.id());
    }

    /** The current version of a record, or 0 when it does not exist. */
    long version(String kind, RecordKey key) {
        StoredRecord record = find(kind, key);
        return record == null ? 0 : record.version();
    }

    Collection<StoredRecord> list(String kind, String account, String region) {
        Map<String, StoredRecord> scope = scope(kind, account, region);
        return scope == null ? List.of() : scope.values();
    }

    /** Every record of a kind, across accounts and regions (for reconcilers at start-up). */
    List<StoredRecord> listAll(String kind) {
        Map<Scope, ConcurrentNavigableMap<String, StoredRecord>> scopes = kinds.get(kind);
        return scopes == null ? List.of()
                : scopes.values().stream().flatMap(scope -> scope.values().stream()).toList();
    }

    void apply(LogEntry entry) {
        switch (entry) {
            case LogEntry.Batch batch -> batch.changes().forEach(this::apply);
            case LogEntry.Wipe wipe -> kinds.clear();
            case LogEntry.SnapshotEnd end -> {
                // marks the end of a snapshot file; no record changes
            }
        }
    }

    void forEach(Visitor visitor) throws IOException {
        for (Map.Entry<String, Map<Scope, ConcurrentNavigableMap<String, StoredRecord>>> kind : kinds.entrySet()) {
            for (Map<String, StoredRecord> scope : kind.getValue().values()) {
                for (StoredRecord record : scope.values()) {
                    visitor.visit(kind.getKey(), record);
                }
            }
        }
    }

    private void apply(Change change) {
        RecordKey key = change.key();
        Scope scopeKey = new Scope(key.account(), key.region());
        if (change.isRemoval()) {
            Map<Scope, ConcurrentNavigableMap<String, StoredRecord>> scopes = kinds.get(change.kind());
            Map<String, StoredRecord> scope = scopes == null ? null : scopes.get(scopeKey);
            if (scope != null) {
                scope.remove(key.id());
            }
            return;
        }
        kinds.computeIfAbsent(change.kind(), kind -> new ConcurrentHashMap<>())
                .computeIfAbsent(scopeKey, scope -> new ConcurrentSkipListMap<>())
                .put(key.id(), new StoredRecord(key, change.version(), change.json(), change.written()));
    }

    private Map<String, StoredRecord> scope(String kind, String account, String region) {
        Map<Scope, ConcurrentNavigableMap<String, StoredRecord>> scopes = kinds.get(kind);
        return scopes == null ? null : scopes.get(new Scope(account, region));
    }
}
