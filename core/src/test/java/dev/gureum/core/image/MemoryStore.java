package dev.gureum.core.image;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A hand-written in-memory {@link Store} for image tests: versions and compare-and-set, no durability. */
final class MemoryStore implements Store {
    private final Map<String, TreeMap<RecordKey, Versioned<Object>>> kinds = new TreeMap<>();
    private int batches;

    @Override
    public synchronized <T> Optional<Versioned<T>> get(RecordKind<T> kind, RecordKey key) {
        return Optional.ofNullable(records(kind.name()).get(key)).map(record -> typed(kind, record));
    }

    @Override
    public synchronized <T> List<Versioned<T>> list(RecordKind<T> kind, String account, String region) {
        return records(kind.name()).values().stream()
                .filter(record -> record.key().account().equals(account) && record.key().region().equals(region))
                .map(record -> typed(kind, record))
                .toList();
    }

    @Override
    public synchronized <T> List<Versioned<T>> listAll(RecordKind<T> kind) {
        return records(kind.name()).values().stream().map(record -> typed(kind, record)).toList();
    }

    @Override
    public synchronized void apply(WriteBatch batch) {
        List<Runnable> changes = new ArrayList<>();
        for (WriteBatch.Write write : batch.writes()) {
            TreeMap<RecordKey, Versioned<Object>> records = records(write.kind().name());
            Versioned<Object> current = records.get(write.key());
            long version = current == null ? 0 : current.version();
            if (write.expectedVersion() != WriteBatch.ANY && write.expectedVersion() != version) {
                throw new VersionConflictException(write.key() + " is at version " + version);
            }
            changes.add(write.isDelete()
                    ? () -> records.remove(write.key())
                    : () -> records.put(write.key(), new Versioned<>(write.key(), version + 1, write.value())));
        }
        changes.forEach(Runnable::run);
        batches++;
    }

    /** How many batches were applied: a dry run must apply none. */
    synchronized int batches() {
        return batches;
    }

    @Override
    public synchronized void wipe() {
        kinds.clear();
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void close() {
    }

    private TreeMap<RecordKey, Versioned<Object>> records(String kind) {
        return kinds.computeIfAbsent(kind, unused -> new TreeMap<>());
    }

    private static <T> Versioned<T> typed(RecordKind<T> kind, Versioned<Object> record) {
        return new Versioned<>(record.key(), record.version(), kind.type().cast(record.value()));
    }
}
