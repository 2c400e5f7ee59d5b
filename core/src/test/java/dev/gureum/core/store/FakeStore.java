package dev.gureum.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A hand-written in-memory {@link Store} with the real one's compare-and-set rules, for service tests. */
public final class FakeStore implements Store {
    private record Address(String kind, RecordKey key) {
    }

    private record Scope(String kind, String account) {
    }

    private final Map<Address, Versioned<Object>> records = new HashMap<>();
    private final Map<Scope, Map<String, List<Object>>> ledgers = new HashMap<>();
    private int batches;

    @Override
    public synchronized <T> Optional<Versioned<T>> get(RecordKind<T> kind, RecordKey key) {
        Versioned<Object> found = records.get(new Address(kind.name(), key));
        return Optional.ofNullable(found).map(record -> new Versioned<>(key, record.version(), kind.type().cast(record.value())));
    }

    @Override
    public synchronized <T> List<Versioned<T>> list(RecordKind<T> kind, String account, String region) {
        return listAll(kind).stream()
                .filter(record -> record.key().account().equals(account) && record.key().region().equals(region))
                .toList();
    }

    @Override
    public synchronized <T> List<Versioned<T>> listAll(RecordKind<T> kind) {
        TreeMap<RecordKey, Versioned<T>> byKey = new TreeMap<>();
        records.forEach((address, record) -> {
            if (address.kind().equals(kind.name())) {
                byKey.put(address.key(), new Versioned<>(address.key(), record.version(), kind.type().cast(record.value())));
            }
        });
        return new ArrayList<>(byKey.values());
    }

    @Override
    public synchronized void apply(WriteBatch batch) {
        for (WriteBatch.Write write : batch.writes()) {
            Versioned<Object> current = records.get(new Address(write.kind().name(), write.key()));
            long version = current == null ? 0 : current.version();
            if (write.expectedVersion() != WriteBatch.ANY && write.expectedVersion() != version) {
                throw new VersionConflictException(write.kind() + " " + write.key() + " is at version " + version);
            }
        }
        for (WriteBatch.Write write : batch.writes()) {
            Address address = new Address(write.kind().name(), write.key());
            if (write.isDelete()) {
                records.remove(address);
            } else {
                Versioned<Object> current = records.get(address);
                records.put(address, new Versioned<>(write.key(), current == null ? 1 : current.version() + 1, write.value()));
            }
        }
        for (WriteBatch.LedgerAppends appended : batch.appends()) {
            ledgers.computeIfAbsent(new Scope(appended.kind().name(), appended.account()), unused -> new TreeMap<>())
                    .computeIfAbsent(appended.region(), unused -> new ArrayList<>()).addAll(appended.entries());
        }
        batches++;
    }

    @Override
    public synchronized <T> Map<String, List<T>> ledger(LedgerKind<T> kind, String account) {
        Map<String, List<T>> byRegion = new TreeMap<>();
        ledgers.getOrDefault(new Scope(kind.name(), account), Map.of()).forEach((region, entries) ->
                byRegion.put(region, entries.stream().map(kind.type()::cast).toList()));
        return byRegion;
    }

    public synchronized int batches() {
        return batches;
    }

    public synchronized int size() {
        return records.size();
    }

    @Override
    public synchronized void wipe() {
        records.clear();
        ledgers.clear();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void close() {
    }
}
