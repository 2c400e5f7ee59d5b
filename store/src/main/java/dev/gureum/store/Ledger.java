package dev.gureum.store;

import dev.gureum.core.store.LedgerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One (kind, account, region) ledger in memory: its entries' bytes in the order they were appended, in chunks
 * that never move once written, so the single committing thread appends without copying and readers walk it
 * without a lock. A reader sees the entries counted when it starts (the count is published after the entry).
 * Each entry's value is decoded on its first read and kept; the bytes stay for snapshots.
 */
final class Ledger {
    private static final int CHUNK = 1024;

    private final List<Entry[]> chunks = new ArrayList<>();
    private volatile Entry[][] published = new Entry[0][];
    private volatile int size;

    private static final class Entry {
        final byte[] bytes;
        volatile Object value;

        Entry(byte[] bytes, Object value) {
            this.bytes = bytes;
            this.value = value;
        }
    }

    /** Appends an entry; {@code value} is the object its bytes encode when known, else null. Writer thread only. */
    void append(byte[] bytes, Object value) {
        int at = size;
        if (at % CHUNK == 0) {
            chunks.add(new Entry[CHUNK]);
            published = chunks.toArray(new Entry[0][]);
        }
        published[at / CHUNK][at % CHUNK] = new Entry(bytes, value);
        size = at + 1;
    }

    int size() {
        return size;
    }

    /** The bytes of every entry, in order, for a snapshot. */
    void forEachBytes(Consumer<byte[]> each) {
        int count = size;
        Entry[][] all = published;
        for (int i = 0; i < count; i++) {
            each.accept(all[i / CHUNK][i % CHUNK].bytes);
        }
    }

    /** The entries committed so far, decoded with the kind's codec. */
    <T> List<T> values(LedgerKind<T> kind) {
        int count = size;
        Entry[][] all = published;
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Entry entry = all[i / CHUNK][i % CHUNK];
            Object value = entry.value;
            if (!kind.type().isInstance(value)) {
                value = kind.codec().decode(entry.bytes);
                entry.value = value;
            }
            values.add(kind.type().cast(value));
        }
        return values;
    }
}
