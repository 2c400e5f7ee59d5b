package dev.gureum.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The write-ahead log: the header, then one frame per committed entry. Appends are forced to disk before
 * they return. On opening, a torn or corrupt tail left by a crash is cut off. A failed append is rolled
 * back to the previous end; if even that fails the log refuses every later append until reopened.
 */
final class LogFile implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(LogFile.class.getName());

    private static final int KEPT_BUFFER_BYTES = 16 << 20;

    private final Path path;
    private final FileChannel channel;
    private ByteBuffer buffer;
    private long size;
    private IOException unrecoverable;

    private LogFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Creates an empty log holding only its header, forced to disk; replaces any file at the path. */
    static LogFile create(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(channel, ByteBuffer.wrap(Frames.LOG_HEADER), 0);
            channel.force(true);
            return new LogFile(path, channel, Frames.LOG_HEADER.length);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens an existing log, hands every intact entry to {@code replay} in order and cuts off what follows
     * the last intact entry. A missing file, or one too short to hold its header, starts a new log.
     */
    static LogFile open(Path path, Consumer<LogEntry> replay) throws IOException {
        if (!Files.exists(path) || Files.size(path) < Frames.LOG_HEADER.length) {
            return create(path);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            long fileSize = channel.size();
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
            Frames.expectHeader(in, Frames.LOG_HEADER, path.toString());
            Frames frames = Frames.reader(in, Frames.LOG_HEADER.length, fileSize);
            for (byte[] payload = frames.next(); payload != null; payload = frames.next()) {
                replay.accept(EntryCodec.decode(payload));
            }
            if (!frames.reachedFileEnd()) {
                LOGGER.log(Level.WARNING, "cutting {0} damaged bytes off the end of {1} (an interrupted write)",
                        fileSize - frames.intactEnd(), path);
                channel.truncate(frames.intactEnd());
                channel.force(true);
            }
            return new LogFile(path, channel, frames.intactEnd());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends the entries as frames with one write, forced to disk (with all earlier appends) when asked;
     * on failure the log is unchanged. The frames are built in a buffer kept from one append to the next
     * (unless it would exceed {@value #KEPT_BUFFER_BYTES} bytes), so appending allocates nothing in the
     * usual case.
     */
    void append(List<LogEntry> entries, boolean force) throws IOException {
        if (unrecoverable != null) {
            throw new IOException("the log " + path + " is unusable since an earlier failure", unrecoverable);
        }
        ByteBuffer frames = Frames.frame(entries, buffer);
        if (frames != buffer && frames.capacity() <= KEPT_BUFFER_BYTES) {
            buffer = frames;
        }
        try {
            writeFully(channel, frames, size);
            if (force) {
                channel.force(true);
            }
            size += frames.limit();
        } catch (IOException failure) {
            rollBack(failure);
            throw failure;
        }
    }

    long size() {
        return size;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.force(true);
        channel.close();
    }

    private void rollBack(IOException failure) {
        try {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            unrecoverable = failure;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
