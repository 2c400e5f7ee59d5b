package dev.gureum.store;

import dev.gureum.core.metrics.BucketEntry;
import dev.gureum.core.metrics.MetricEntryCodec;
import dev.gureum.core.metrics.MetricJournal;
import dev.gureum.core.metrics.MetricPut;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The metric journal on disk, {@code <data>/metrics/}: generation N is {@code snapshot-N} (the buckets at
 * compaction) plus {@code log-N} (every put since), each a header and then frames of length, CRC32C and
 * payload ({@link MetricEntryCodec}). An append writes its frames and forces the file before returning;
 * appends that arrive while another forces are covered by the next force (group commit), so the cost of a
 * flush is shared by every call waiting for one. Compaction writes {@code snapshot-(N+1)} under a temporary
 * name, forces and renames it, starts {@code log-(N+1)} and only then deletes generation N, so a crash at
 * any step leaves one complete generation to read. A torn tail of the log is cut off when it is opened.
 */
public final class MetricJournalFile implements MetricJournal {
    private static final byte[] LOG_HEADER = "gureum-metric-log 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPSHOT_HEADER = "gureum-metric-snapshot 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern FILE = Pattern.compile("(snapshot|log)-(\\d{10})");

    private final Path directory;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private long generation;
    private FileChannel log;
    private volatile long written;
    private long forced;

    private MetricJournalFile(Path directory) {
        this.directory = directory;
    }

    /** Opens (or creates) the journal under {@code <dataDirectory>/metrics}. */
    public static MetricJournalFile open(Path dataDirectory) {
        MetricJournalFile journal = new MetricJournalFile(dataDirectory.resolve("metrics"));
        try {
            Files.createDirectories(journal.directory);
            journal.generation = journal.newestGeneration();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the metric journal in " + journal.directory, e);
        }
        return journal;
    }

    @Override
    public void replay(Sink sink) {
        try {
            Path snapshot = file("snapshot", generation);
            if (Files.exists(snapshot)) {
                readFrames(snapshot, SNAPSHOT_HEADER, sink);
            }
            Path logPath = file("log", generation);
            long intact = Files.exists(logPath) ? readFrames(logPath, LOG_HEADER, sink) : -1;
            if (intact < 0) {
                log = createLog(logPath);
            } else {
                log = FileChannel.open(logPath, StandardOpenOption.READ, StandardOpenOption.WRITE);
                log.truncate(intact);
                log.position(intact);
                log.force(true);
            }
            written = log.position();
            forced = written;
            deleteOlderThan(generation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metric journal in " + directory, e);
        }
    }

    @Override
    public void append(List<MetricPut> puts) {
        ByteBuffer frames = frames(puts);
        long end;
        try {
            synchronized (writeLock) {
                while (frames.hasRemaining()) {
                    log.write(frames);
                }
                end = log.position();
                written = end;
            }
            synchronized (forceLock) {
                if (forced < end) {
                    long target = written;
                    log.force(false);
                    forced = target;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metric journal", e);
        }
    }

    @Override
    public long logBytes() {
        return written;
    }

    @Override
    public void compact(Consumer<Consumer<BucketEntry>> buckets) {
        long next = generation + 1;
        Path snapshot = file("snapshot", next);
        Path temporary = directory.resolve(snapshot.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                out.write(SNAPSHOT_HEADER);
                ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
                DataOutputStream data = new DataOutputStream(payload);
                IOException[] failure = new IOException[1];
                buckets.accept(bucket -> {
                    if (failure[0] != null) {
                        return;
                    }
                    try {
                        payload.reset();
                        MetricEntryCodec.write(bucket, data);
                        writeFrame(out, payload.toByteArray());
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, snapshot, StandardCopyOption.ATOMIC_MOVE);
            FileChannel nextLog = createLog(file("log", next));
            synchronized (writeLock) {
                log.close();
                log = nextLog;
                written = log.position();
                forced = written;
                generation = next;
            }
            deleteOlderThan(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the metric journal", e);
        }
    }

    @Override
    public void close() {
        try {
            if (log != null) {
                log.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer frames(List<MetricPut> puts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(puts.size() * 96);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(128);
        DataOutputStream data = new DataOutputStream(payload);
        try {
            for (MetricPut put : puts) {
                payload.reset();
                MetricEntryCodec.write(put, data);
                writeFrame(bytes, payload.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    private static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        CRC32C checksum = new CRC32C();
        checksum.update(payload);
        byte[] header = ByteBuffer.allocate(8).putInt(payload.length).putInt((int) checksum.getValue()).array();
        out.write(header);
        out.write(payload);
    }

    /** Reads every intact frame into the sink; answers where the intact part ends. */
    private static long readFrames(Path path, byte[] header, Sink sink) throws IOException {
        long size = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            if (size < header.length || !Arrays.equals(in.readNBytes(header.length), header)) {
                throw new IOException(path + " is not a metric journal file");
            }
            DataInputStream data = new DataInputStream(in);
            long position = header.length;
            CRC32C checksum = new CRC32C();
            while (size - position >= 8) {
                int length = data.readInt();
                int expected = data.readInt();
                if (length < 0 || length > size - position - 8) {
                    break;
                }
                byte[] payload = data.readNBytes(length);
                checksum.reset();
                checksum.update(payload);
                if ((int) checksum.getValue() != expected) {
                    break;
                }
                MetricEntryCodec.read(new DataInputStream(new ByteArrayInputStream(payload)), sink);
                position += 8 + length;
            }
            return position;
        }
    }

    private static FileChannel createLog(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(LOG_HEADER));
        channel.force(true);
        return channel;
    }

    private long newestGeneration() throws IOException {
        long newest = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                Matcher matcher = FILE.matcher(path.getFileName().toString());
                if (matcher.matches() && matcher.group(1).equals("snapshot")) {
                    newest = Math.max(newest, Long.parseLong(matcher.group(2)));
                }
            }
        }
        return newest;
    }

    private void deleteOlderThan(long kept) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                String name = path.getFileName().toString();
                Matcher matcher = FILE.matcher(name);
                if ((matcher.matches() && Long.parseLong(matcher.group(2)) < kept) || name.endsWith(".tmp")) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private Path file(String type, long number) {
        return directory.resolve(type + "-" + String.format("%010d", number));
    }
}
