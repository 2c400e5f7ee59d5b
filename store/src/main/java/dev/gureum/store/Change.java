package dev.gureum.store;

import dev.gureum.core.store.RecordKey;

/**
 * The committed effect of one write: the record's new version and JSON, or a removal when
 * {@code json} is null, or an appended ledger entry (version {@link #APPENDED}, its codec's bytes in
 * {@code json}, its key naming only the ledger's account and region). Changes carry final versions, so replaying them needs no version arithmetic.
 * A change made in this process also carries the value it was encoded from ({@code written}), so the
 * index need not decode what it was just given; a change read back from disk carries none.
 */
record Change(String kind, RecordKey key, long version, byte[] json, Written written) {

    /** The version an appended ledger entry is logged with: it has none, and no record can have this one. */
    static final long APPENDED = -2;

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

    /** A ledger entry: its bytes, and the value they encode when it was appended in this process (else null). */
    static Change append(String kind, RecordKey scope, byte[] bytes, Object value) {
        return new Change(kind, scope, APPENDED, bytes, value == null ? null : new Written(value.getClass(), value));
    }

    boolean isRemoval() {
        return json == null;
    }

    boolean isAppend() {
        return version == APPENDED;
    }
}
