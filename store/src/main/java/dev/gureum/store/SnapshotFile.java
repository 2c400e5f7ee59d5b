package dev.gureum.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot: every live record, written as batch frames of at most a few thousand records, closed by
 * an end frame that states the record count. Snapshots are written under a temporary name and renamed
 * into place only once complete and forced, so a snapshot that fails to read is damage, never a crash.
 */
final class SnapshotFile {
    private static final int RECORDS_PER_FRAME = 4096;
    private static final int BYTES_PER_FRAME = 1 << 20;

    private SnapshotFile() {
    }

    /** Writes every record of the index to {@code path} and forces it; returns the file size. */
    static long write(Path path, RecordIndex index) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            out.write(Frames.SNAPSHOT_HEADER);
            FrameFiller filler = new FrameFiller(out);
            index.forEach(filler);
            filler.finish();
            out.flush();
            channel.force(true);
            return channel.size();
        }
    }

    /** Loads a snapshot into the index; fails when the file is damaged or incomplete. */
    static void read(Path path, RecordIndex index) throws IOException {
        long fileSize = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            Frames.expectHeader(in, Frames.SNAPSHOT_HEADER, path.toString());
            Frames frames = Frames.reader(in, Frames.SNAPSHOT_HEADER.length, fileSize);
            long loaded = 0;
            for (byte[] payload = frames.next(); payload != null; payload = frames.next()) {
                LogEntry entry = EntryCodec.decode(payload);
                if (entry instanceof LogEntry.SnapshotEnd end && end.records() == loaded && frames.reachedFileEnd()) {
                    return;
                }
                int count = switch (entry) {
                    case LogEntry.Batch batch -> batch.changes().size()
                            + batch.appended().stream().mapToInt(block -> block.entries().size()).sum();
                    case LogEntry.LedgerBlock block -> block.entries().size();
                    default -> -1;
                };
                if (count < 0) {
                    break;
                }
                index.apply(entry);
                loaded += count;
            }
            throw new IOException("the snapshot " + path + " is damaged or incomplete; restore the data directory"
                    + " from a backup");
        }
    }

    /**
     * Gathers visited records into batch frames and writes each frame once it is full, all framed in one buffer
     * (a frame is at most about {@link #BYTES_PER_FRAME}).
     */
    private static final class FrameFiller implements RecordIndex.Visitor {
        private final OutputStream out;
        private final List<Change> pending = new ArrayList<>();
        private long pendingBytes;
        private long records;
        private ByteBuffer frames;

        FrameFiller(OutputStream out) {
            this.out = out;
        }

        @Override
        public void visit(String kind, StoredRecord record) throws IOException {
            add(Change.put(kind, record.key(), record.version(), record.json()));
        }

        /** A ledger goes in blocks of its entries' bytes, after the records gathered so far. */
        @Override
        public void visitLedger(String kind, String account, String region, Ledger ledger) throws IOException {
            if (!pending.isEmpty()) {
                flushPending();
            }
            List<byte[]> block = new ArrayList<>(RECORDS_PER_FRAME);
            long blockBytes = 0;
            for (byte[] entry : ledger.bytes()) {
                block.add(entry);
                blockBytes += entry.length;
                if (block.size() == RECORDS_PER_FRAME || blockBytes >= BYTES_PER_FRAME) {
                    writeBlock(kind, account, region, block);
                    block.clear();
                    blockBytes = 0;
                }
            }
            if (!block.isEmpty()) {
                writeBlock(kind, account, region, block);
            }
        }

        private void writeBlock(String kind, String account, String region, List<byte[]> block) throws IOException {
            write(new LogEntry.LedgerBlock(kind, account, region, block));
            records += block.size();
        }

        private void add(Change change) throws IOException {
            pending.add(change);
            pendingBytes += change.json().length;
            records++;
            if (pending.size() == RECORDS_PER_FRAME || pendingBytes >= BYTES_PER_FRAME) {
                flushPending();
            }
        }

        void finish() throws IOException {
            if (!pending.isEmpty()) {
                flushPending();
            }
            write(new LogEntry.SnapshotEnd(records));
        }

        private void write(LogEntry entry) throws IOException {
            frames = Frames.frame(List.of(entry), frames);
            out.write(frames.array(), 0, frames.limit());
        }

        private void flushPending() throws IOException {
            write(new LogEntry.Batch(pending));
            pending.clear();
            pendingBytes = 0;
        }
    }
}
