package dev.gureum.core.store;

import java.util.Objects;

/**
 * A kind of ledger entry: a fact written once and never changed or removed (a closed usage period), appended
 * in a {@link WriteBatch} with the records it goes with and read back in the order it was appended. Unlike a
 * record it has no key, no version and no place in a sorted index, so appending costs its bytes in the log and
 * a slot at the end of a list. The name is persisted, like a record kind's; the codec makes the entry's bytes
 * and must read every version of them it ever wrote.
 */
public final class LedgerKind<T> extends StoredKind<T> {
    /** The bytes of an entry and back; compact, since a ledger only grows. */
    public interface Codec<T> {
        byte[] encode(T entry);

        T decode(byte[] bytes);
    }

    private final Codec<T> codec;

    private LedgerKind(String name, Class<T> type, Codec<T> codec) {
        super(name, type);
        this.codec = Objects.requireNonNull(codec);
    }

    public static <T> LedgerKind<T> of(String name, Class<T> type, Codec<T> codec) {
        return new LedgerKind<>(name, type, codec);
    }

    public Codec<T> codec() {
        return codec;
    }
}
