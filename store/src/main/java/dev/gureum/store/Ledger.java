package dev.gureum.store;

import dev.gureum.core.store.LedgerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One (kind, account, region) ledger in memory: its entries in the order they were appended, in chunks that
 * never move once written, so the single committing thread appends without copying and readers walk it without
 * a lock. A reader sees the entries counted when it starts (the count is published after the entry).
 *
 * <p>An entry is kept once, as its value or as its bytes: appended in this process, as the value it was appended
 * as; read from disk, as its bytes until its first read decodes them. A snapshot writes the bytes, or the value
 * as the kind's codec encodes it again (a codec writes the same bytes for the same value). Entry values are
 * never byte arrays.
 */
final class Ledger {
    private static final int CHUNK = 1024;

    private final List<Entry[]> chunks = new ArrayList<>();
    private volatile Entry[][] published = new Entry[0][];
    private volatile int size;

    /** An entry's value, or its bytes while no reader has decoded them. */
    private static final class Entry {
        volatile Object content;

        Entry(Object content) {
            this.content = content;
        }
    }

    /** Appends an entry: its value when known, else its bytes. Writer thread only. */
    void append(byte[] bytes, Object value) {
        int at = size;
        if (at % CHUNK == 0) {
            chunks.add(new Entry[CHUNK]);
            published = chunks.toArray(new Entry[0][]);
        }
        published[at / CHUNK][at % CHUNK] = new Entry(value != null ? value : bytes);
        size = at + 1;
    }

    int size() {
        return size;
    }

    /**
     * The bytes of every entry, in order, for a snapshot; {@code kind} encodes those kept as values (it is known
     * whenever one is: a value comes from an append or a read of the kind).
     */
    void forEachBytes(LedgerKind<?> kind, Consumer<byte[]> each) {
        int count = size;
        Entry[][] all = published;
        for (int i = 0; i < count; i++) {
            Object content = all[i / CHUNK][i % CHUNK].content;
            each.accept(content instanceof byte[] bytes ? bytes : encode(kind, content));
        }
    }

    /** The entries committed so far, decoded with the kind's codec where they are still bytes. */
    <T> List<T> values(LedgerKind<T> kind) {
        int count = size;
        Entry[][] all = published;
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Entry entry = all[i / CHUNK][i % CHUNK];
            Object content = entry.content;
            if (content instanceof byte[] bytes) {
                content = kind.codec().decode(bytes);
                entry.content = content;
            }
            values.add(kind.type().cast(content));
        }
        return values;
    }

    private static <T> byte[] encode(LedgerKind<T> kind, Object value) {
        return kind.codec().encode(kind.type().cast(value));
    }
}
