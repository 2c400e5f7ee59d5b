package dev.gureum.store;

import dev.gureum.core.store.LedgerKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One (kind, account, region) ledger in memory: the bytes of its blocks (the entries each batch appended,
 * encoded together) in the order they were appended, in chunks that never move once written, so the single
 * committing thread appends without copying and readers walk it without a lock. A reader sees the blocks
 * counted when it starts (the count is published after the block).
 *
 * <p>Blocks are kept as their bytes only, decoded on every read: a ledger only grows, so it is kept as small as
 * it can be, and a compaction copies its bytes rather than encoding them again. A read decodes what it then
 * works through anyway (a bill prices every entry it reads).
 */
final class Ledger {
    private static final int CHUNK = 1024;

    private final List<byte[][]> chunks = new ArrayList<>();
    private volatile byte[][][] published = new byte[0][][];
    private volatile int size;

    /** Appends a block's bytes. Writer thread only. */
    void append(byte[] bytes) {
        int at = size;
        if (at % CHUNK == 0) {
            chunks.add(new byte[CHUNK][]);
            published = chunks.toArray(new byte[0][][]);
        }
        published[at / CHUNK][at % CHUNK] = bytes;
        size = at + 1;
    }

    /** The bytes of the blocks committed so far, in order, for a snapshot. */
    List<byte[]> bytes() {
        int count = size;
        byte[][][] all = published;
        List<byte[]> bytes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bytes.add(all[i / CHUNK][i % CHUNK]);
        }
        return bytes;
    }

    /** The entries committed so far, decoded with the kind's codec. */
    <T> List<T> values(LedgerKind<T> kind) {
        int count = size;
        byte[][][] all = published;
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.addAll(kind.codec().decode(all[i / CHUNK][i % CHUNK]));
        }
        return values;
    }
}
