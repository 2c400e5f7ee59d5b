package dev.gureum.core.store;

import java.util.List;
import java.util.Objects;

/**
 * A kind of ledger entry: a fact written once and never changed or removed (a closed usage period), appended
 * in a {@link WriteBatch} with the records it goes with and read back in the order it was appended. Unlike a
 * record it has no key, no version and no place in a sorted index, so appending costs its bytes in the log and
 * a slot at the end of a list. The entries a batch appends to one ledger are encoded together, so a codec can
 * write what they share once. The name is persisted, like a record kind's; the codec must read every version
 * of the bytes it ever wrote.
 */
public final class LedgerKind<T> extends StoredKind<T> {
    /** The bytes of entries appended together and back; compact, since a ledger only grows. */
    public interface Codec<T> {
        /** The bytes of one or more entries a batch appends to one ledger, in order. */
        byte[] encode(List<T> entries);

        /** The entries of bytes {@link #encode} wrote, in order. */
        List<T> decode(byte[] bytes);
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
