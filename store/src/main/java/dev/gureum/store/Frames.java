package dev.gureum.store;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The framing shared by log and snapshot files: after a text header naming the file type, each entry
 * is a 4-byte payload length, the payload's 4-byte CRC32C, and the payload. Reading stops at the first
 * frame that is incomplete or fails its checksum and reports where the intact part ends.
 */
final class Frames {
    static final byte[] LOG_HEADER = "gureum-log 1\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SNAPSHOT_HEADER = "gureum-snapshot 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FRAME_HEADER_BYTES = 8;

    private final DataInputStream in;
    private final long fileSize;
    private long position;

    private Frames(InputStream in, long start, long fileSize) {
        this.in = new DataInputStream(in);
        this.position = start;
        this.fileSize = fileSize;
    }

    /**
     * Frames the entries one after another, each payload encoded in place, ready for one write: into
     * {@code reusable} when it has room (cleared first), else into a new buffer.
     */
    static ByteBuffer frame(List<LogEntry> entries, ByteBuffer reusable) {
        int size = 0;
        for (LogEntry entry : entries) {
            size = Math.addExact(size, FRAME_HEADER_BYTES + EntryCodec.size(entry));
        }
        ByteBuffer buffer = reusable != null && reusable.capacity() >= size ? reusable.clear() : ByteBuffer.allocate(size);
        CRC32C checksum = new CRC32C();
        for (LogEntry entry : entries) {
            int start = buffer.position();
            buffer.position(start + FRAME_HEADER_BYTES);
            EntryCodec.write(entry, buffer);
            int length = buffer.position() - start - FRAME_HEADER_BYTES;
            checksum.reset();
            checksum.update(buffer.array(), buffer.arrayOffset() + start + FRAME_HEADER_BYTES, length);
            buffer.putInt(start, length).putInt(start + 4, (int) checksum.getValue());
        }
        return buffer.flip();
    }

    /** Reads and checks the header that opens every file of the given type. */
    static void expectHeader(InputStream in, byte[] header, String file) throws IOException {
        if (!Arrays.equals(in.readNBytes(header.length), header)) {
            throw new IOException(file + " is not a store file of this format (its header does not match)");
        }
    }

    /** Reads the frames of a stream positioned just after the file header at {@code start}. */
    static Frames reader(InputStream in, long start, long fileSize) {
        return new Frames(in, start, fileSize);
    }

    /** The next intact payload, or null when the file ends here or the rest of it is torn or corrupt. */
    byte[] next() throws IOException {
        long remaining = fileSize - position;
        if (remaining < FRAME_HEADER_BYTES) {
            return null;
        }
        int length = in.readInt();
        int expectedChecksum = in.readInt();
        if (length < 0 || length > remaining - FRAME_HEADER_BYTES) {
            return null;
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        CRC32C checksum = new CRC32C();
        checksum.update(payload);
        if ((int) checksum.getValue() != expectedChecksum) {
            return null;
        }
        position += FRAME_HEADER_BYTES + length;
        return payload;
    }

    /** Where the last intact frame ends. */
    long intactEnd() {
        return position;
    }

    boolean reachedFileEnd() {
        return position == fileSize;
    }
}
