package dev.gureum.store;

import dev.gureum.core.store.RecordKey;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of a {@link LogEntry}, the payload of one frame. A batch is its type byte, the number of
 * changes, then per change: kind, account, region, id (each an int length and UTF-8 bytes), the new
 * version, and the JSON length (-1 for a removal) followed by the JSON; a batch that appended to ledgers has
 * its own type byte and, after its changes, the number of ledger blocks and the blocks. A ledger block is
 * kind, account and region, the number of entries, then each entry's length and bytes; standing alone (in
 * snapshots) it has a type byte of its own.
 *
 * <p>Logs written before batches carried blocks (until 2026-11-30) logged each ledger entry as a change of
 * version {@link #LEGACY_APPENDED} with an empty id; they are read as blocks.
 */
final class EntryCodec {
    private static final byte BATCH = 1;
    private static final byte WIPE = 2;
    private static final byte SNAPSHOT_END = 3;
    private static final byte LEDGER_BLOCK = 4;
    private static final byte BATCH_WITH_LEDGERS = 5;
    private static final long LEGACY_APPENDED = -2;
    private static final int REMOVAL = -1;

    private EntryCodec() {
    }

    /** At most how many bytes {@link #write} puts for the entry. */
    static int size(LogEntry entry) {
        return switch (entry) {
            case LogEntry.Batch batch -> {
                int size = batchSize(batch.changes());
                if (!batch.appended().isEmpty()) {
                    size = Math.addExact(size, 4);
                    for (LogEntry.LedgerBlock block : batch.appended()) {
                        size = Math.addExact(size, blockSize(block) - 1);
                    }
                }
                yield size;
            }
            case LogEntry.LedgerBlock block -> blockSize(block);
            case LogEntry.Wipe wipe -> 1;
            case LogEntry.SnapshotEnd end -> 9;
        };
    }

    /** Writes the payload of an entry at the buffer's position, which must have {@link #size} bytes left. */
    static void write(LogEntry entry, ByteBuffer out) {
        switch (entry) {
            case LogEntry.Batch batch -> {
                writeBatch(batch.appended().isEmpty() ? BATCH : BATCH_WITH_LEDGERS, batch.changes(), out);
                if (!batch.appended().isEmpty()) {
                    out.putInt(batch.appended().size());
                    batch.appended().forEach(block -> writeBlockBody(block, out));
                }
            }
            case LogEntry.LedgerBlock block -> writeBlockBody(block, out.put(LEDGER_BLOCK));
            case LogEntry.Wipe wipe -> out.put(WIPE);
            case LogEntry.SnapshotEnd end -> out.put(SNAPSHOT_END).putLong(end.records());
        }
    }

    private static int batchSize(List<Change> changes) {
        int size = 5;
        for (Change change : changes) {
            size = Math.addExact(size, 16 + maxUtf8Length(change.kind()) + maxUtf8Length(change.key().account())
                    + maxUtf8Length(change.key().region()) + maxUtf8Length(change.key().id()));
            size = Math.addExact(size, 12 + (change.isRemoval() ? 0 : change.json().length));
        }
        return size;
    }

    private static void writeBatch(byte type, List<Change> changes, ByteBuffer out) {
        out.put(type).putInt(changes.size());
        for (Change change : changes) {
            putName(out, change.kind());
            putName(out, change.key().account());
            putName(out, change.key().region());
            putString(out, change.key().id());
            out.putLong(change.version());
            if (change.isRemoval()) {
                out.putInt(REMOVAL);
            } else {
                out.putInt(change.json().length).put(change.json());
            }
        }
    }

    private static int blockSize(LogEntry.LedgerBlock block) {
        int size = 5 + 12 + maxUtf8Length(block.kind()) + maxUtf8Length(block.account()) + maxUtf8Length(block.region());
        for (byte[] entry : block.entries()) {
            size = Math.addExact(size, 4 + entry.length);
        }
        return size;
    }

    private static void writeBlockBody(LogEntry.LedgerBlock block, ByteBuffer out) {
        putName(out, block.kind());
        putName(out, block.account());
        putName(out, block.region());
        out.putInt(block.entries().size());
        for (byte[] entry : block.entries()) {
            out.putInt(entry.length).put(entry);
        }
    }

    /** A length and the UTF-8 bytes (which for ASCII, as names are in practice, are one copy of the string's). */
    private static void putString(ByteBuffer out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.putInt(utf8.length).put(utf8);
    }

    /** As {@link #putString}, for a name every change repeats: a kind, an account, a region. */
    private static void putName(ByteBuffer out, String name) {
        byte[] utf8 = Utf8Names.of(name);
        out.putInt(utf8.length).put(utf8);
    }

    /**
     * What {@link #putString} writes at most: UTF-8 takes at most three bytes for a UTF-16 unit. A frame's
     * buffer is sized from these bounds and its payload's length taken from what was written, so a string is
     * encoded once, not measured first.
     */
    private static int maxUtf8Length(String text) {
        return 3 * text.length();
    }

    /** Decodes a payload whose checksum was verified; an unknown layout means a newer or foreign format. */
    static LogEntry decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte type = in.readByte();
        return switch (type) {
            case BATCH, BATCH_WITH_LEDGERS -> {
                int count = in.readInt();
                List<Change> changes = new ArrayList<>(Math.min(Math.max(count, 0), 4096));
                List<LogEntry.LedgerBlock> appended = new ArrayList<>(0);
                for (int index = 0; index < count; index++) {
                    readChange(in, changes, appended);
                }
                if (type == BATCH_WITH_LEDGERS) {
                    int blocks = in.readInt();
                    for (int index = 0; index < blocks; index++) {
                        appended.add(readBlock(in));
                    }
                }
                yield new LogEntry.Batch(changes, appended);
            }
            case LEDGER_BLOCK -> readBlock(in);
            case WIPE -> new LogEntry.Wipe();
            case SNAPSHOT_END -> new LogEntry.SnapshotEnd(in.readLong());
            default -> throw new IOException("unknown store entry type " + type);
        };
    }

    private static LogEntry.LedgerBlock readBlock(DataInputStream in) throws IOException {
        String kind = readString(in);
        String account = readString(in);
        String region = readString(in);
        int count = in.readInt();
        List<byte[]> entries = new ArrayList<>(Math.min(Math.max(count, 0), 4096));
        for (int index = 0; index < count; index++) {
            entries.add(readBytes(in, in.readInt()));
        }
        return new LogEntry.LedgerBlock(kind, account, region, entries);
    }

    /** Reads a change into {@code changes}, or a ledger entry an older log logged as a change into a block. */
    private static void readChange(DataInputStream in, List<Change> changes, List<LogEntry.LedgerBlock> appended)
            throws IOException {
        String kind = readString(in);
        RecordKey key = new RecordKey(readString(in), readString(in), readString(in));
        long version = in.readLong();
        int length = in.readInt();
        if (length == REMOVAL) {
            changes.add(Change.remove(kind, key));
            return;
        }
        byte[] bytes = readBytes(in, length);
        if (version != LEGACY_APPENDED) {
            changes.add(Change.put(kind, key, version, bytes));
            return;
        }
        LogEntry.LedgerBlock last = appended.isEmpty() ? null : appended.getLast();
        if (last == null || !last.kind().equals(kind) || !last.account().equals(key.account())
                || !last.region().equals(key.region())) {
            last = new LogEntry.LedgerBlock(kind, key.account(), key.region(), new ArrayList<>());
            appended.add(last);
        }
        last.entries().add(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in, in.readInt()), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > in.available()) {
            throw new IOException("malformed store entry: a length of " + length + " runs past its end");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
