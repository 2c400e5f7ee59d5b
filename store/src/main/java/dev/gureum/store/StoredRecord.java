package dev.gureum.store;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Versioned;

/**
 * One live record as the store holds it: key, version, and its value either as the object written in this
 * process or as the JSON bytes read from disk, decoded on the first read and then kept beside them.
 *
 * <p>A written record keeps only its object: its bytes are already in the log, and {@link #json()} makes them
 * again, identical, from the object when a compaction writes the snapshot. That halves what a record costs
 * in memory. A record read from disk keeps its bytes even once decoded, because decoding ignores fields the
 * value type no longer has, and compaction must write such records back unchanged; records of kinds no
 * code asks for are never decoded at all. Values are immutable, so sharing one object with every reader is
 * safe.
 */
final class StoredRecord {
    private final RecordKey key;
    private final long version;
    /** The persisted bytes, or null while {@link #versioned} holds the written object they encode. */
    private final byte[] json;
    private volatile Versioned<?> versioned;

    /** A record whose value is already known as an object ({@code written}, may be null). */
    StoredRecord(RecordKey key, long version, byte[] json, Change.Written written) {
        this.key = key;
        this.version = version;
        this.json = written == null ? json : null;
        this.versioned = written == null ? null : new Versioned<>(key, version, written.value());
    }

    RecordKey key() {
        return key;
    }

    long version() {
        return version;
    }

    /** The bytes a snapshot writes for this record: those read from disk, or the written object's, made again. */
    byte[] json() {
        return json != null ? json : RecordCodec.encodeValue(versioned.value());
    }

    /** The record as readers see it, decoded once and then shared (it is immutable). */
    @SuppressWarnings("unchecked")
    <T> Versioned<T> versioned(Class<T> type, RecordCodec codec) {
        Versioned<?> known = versioned;
        if (known != null && type.isInstance(known.value())) {
            return (Versioned<T>) known;
        }
        Versioned<T> fresh = new Versioned<>(key, version, codec.decode(json(), type));
        versioned = fresh;
        return fresh;
    }
}
