package dev.gureum.store;

import dev.gureum.core.store.RecordKey;

/**
 * The committed effect of one write: the record's new version and JSON, or a removal when
 * {@code json} is null. Changes carry final versions, so replaying them needs no version arithmetic.
 * A change made in this process also carries the value it was encoded from ({@code written}), so the
 * index need not decode what it was just given; a change read back from disk carries none.
 */
record Change(String kind, RecordKey key, long version, byte[] json, Written written) {

    /** The object a JSON value was encoded from, and the type it was written as. */
    record Written(Class<?> type, Object value) {
    }

    static Change put(String kind, RecordKey key, long version, byte[] json) {
        return new Change(kind, key, version, json, null);
    }

    static Change put(String kind, RecordKey key, long version, byte[] json, Written written) {
        return new Change(kind, key, version, json, written);
    }

    static Change remove(String kind, RecordKey key) {
        return new Change(kind, key, 0, null, null);
    }

    boolean isRemoval() {
        return json == null;
    }
}
