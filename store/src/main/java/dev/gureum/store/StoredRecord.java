package dev.gureum.store;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Versioned;

/**
 * One live record as the store holds it: key, version and the JSON bytes that are persisted. The value
 * object is the one written in this process, or is decoded on the first read with a concrete type and
 * kept, so records of kinds that no code asks for stay as bytes and are written back unchanged by
 * compaction. Values are immutable, so sharing the written object with readers is safe.
 */
final class StoredRecord {
    private final RecordKey key;
    private final long version;
    private final byte[] json;
    private volatile Decoded decoded;

    /** A decoded value, as the versioned record readers receive, together with the type it was decoded as. */
    private record Decoded(Class<?> type, Versioned<?> versioned) {
    }

    /** A record whose value is already known as an object ({@code written}, may be null). */
    StoredRecord(RecordKey key, long version, byte[] json, Change.Written written) {
        this.key = key;
        this.version = version;
        this.json = json;
        this.decoded = written == null ? null
                : new Decoded(written.type(), new Versioned<>(key, version, written.value()));
    }

    RecordKey key() {
        return key;
    }

    long version() {
        return version;
    }

    byte[] json() {
        return json;
    }

    /** The record as readers see it, decoded once per type and then shared (it is immutable). */
    @SuppressWarnings("unchecked")
    <T> Versioned<T> versioned(Class<T> type, RecordCodec codec) {
        Decoded known = decoded;
        if (known != null && known.type() == type) {
            return (Versioned<T>) known.versioned();
        }
        Versioned<T> fresh = new Versioned<>(key, version, codec.decode(json, type));
        decoded = new Decoded(type, fresh);
        return fresh;
    }
}
