package dev.gureum.store;

import dev.gureum.core.store.RecordKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    static byte[] encode(LogEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (entry) {
                case LogEntry.Batch batch -> {
                    out.writeByte(BATCH);
                    out.writeInt(batch.changes().size());
                    for (Change change : batch.changes()) {
                        writeChange(out, change);
                    }
                }
                case LogEntry.Wipe wipe -> out.writeByte(WIPE);
                case LogEntry.SnapshotEnd end -> {
                    out.writeByte(SNAPSHOT_END);
                    out.writeLong(end.records());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
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

    private static void writeChange(DataOutputStream out, Change change) throws IOException {
        writeString(out, change.kind());
        writeString(out, change.key().account());
        writeString(out, change.key().region());
        writeString(out, change.key().id());
        out.writeLong(change.version());
        if (change.isRemoval()) {
            out.writeInt(REMOVAL);
        } else {
            out.writeInt(change.json().length);
            out.write(change.json());
        }
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

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
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
