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
 * version, and the JSON length (-1 for a removal) followed by the JSON.
 */
final class EntryCodec {
    private static final byte BATCH = 1;
    private static final byte WIPE = 2;
    private static final byte SNAPSHOT_END = 3;
    private static final int REMOVAL = -1;

    private EntryCodec() {
    }

    /** The payload of an entry, written straight into an array of its exact size. */
    static byte[] encode(LogEntry entry) {
        return switch (entry) {
            case LogEntry.Batch batch -> encodeBatch(batch.changes());
            case LogEntry.Wipe wipe -> new byte[] {WIPE};
            case LogEntry.SnapshotEnd end -> ByteBuffer.allocate(9).put(SNAPSHOT_END).putLong(end.records()).array();
        };
    }

    private static byte[] encodeBatch(List<Change> changes) {
        List<byte[][]> names = new ArrayList<>(changes.size());
        int size = 5;
        for (Change change : changes) {
            byte[][] utf8 = {utf8(change.kind()), utf8(change.key().account()), utf8(change.key().region()),
                    utf8(change.key().id())};
            names.add(utf8);
            for (byte[] name : utf8) {
                size = Math.addExact(size, 4 + name.length);
            }
            size = Math.addExact(size, 12 + (change.isRemoval() ? 0 : change.json().length));
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(BATCH).putInt(changes.size());
        for (int index = 0; index < changes.size(); index++) {
            Change change = changes.get(index);
            for (byte[] name : names.get(index)) {
                out.putInt(name.length).put(name);
            }
            out.putLong(change.version());
            if (change.isRemoval()) {
                out.putInt(REMOVAL);
            } else {
                out.putInt(change.json().length).put(change.json());
            }
        }
        return out.array();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a payload whose checksum was verified; an unknown layout means a newer or foreign format. */
    static LogEntry decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte type = in.readByte();
        return switch (type) {
            case BATCH -> {
                int count = in.readInt();
                List<Change> changes = new ArrayList<>(Math.min(count, 4096));
                for (int index = 0; index < count; index++) {
                    changes.add(readChange(in));
                }
                yield new LogEntry.Batch(changes);
            }
            case WIPE -> new LogEntry.Wipe();
            case SNAPSHOT_END -> new LogEntry.SnapshotEnd(in.readLong());
            default -> throw new IOException("unknown store entry type " + type);
        };
    }

    private static Change readChange(DataInputStream in) throws IOException {
        String kind = readString(in);
        RecordKey key = new RecordKey(readString(in), readString(in), readString(in));
        long version = in.readLong();
        int length = in.readInt();
        if (length == REMOVAL) {
            return Change.remove(kind, key);
        }
        return Change.put(kind, key, version, readBytes(in, length));
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
