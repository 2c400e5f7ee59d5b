package dev.gureum.store;

import dev.gureum.core.store.RecordKey;

/**
 * The committed effect of one write: the record's new version and JSON, or a removal when
 * {@code json} is null. Changes carry final versions, so replaying them needs no version arithmetic.
 */
record Change(String kind, RecordKey key, long version, byte[] json) {

    static Change put(String kind, RecordKey key, long version, byte[] json) {
        return new Change(kind, key, version, json);
    }

    static Change remove(String kind, RecordKey key) {
        return new Change(kind, key, 0, null);
    }

    boolean isRemoval() {
        return json == null;
    }
}
