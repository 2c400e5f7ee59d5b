package dev.gureum.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The durable journal: a snapshot plus the log of batches committed since, one pair per generation.
 * Compaction writes the next generation's snapshot and an empty log, then renames the snapshot into
 * place; that rename is the commit point, before it the old pair is current, after it the new one.
 */
final class DiskJournal implements Journal {
    private static final System.Logger LOGGER = System.getLogger(DiskJournal.class.getName());

    private final StoreDirectory directory;
    private final long compactionThreshold;
    private long generation;
    private long compactAfter;
    private LogFile log;
    private IOException unrecoverable;

    private DiskJournal(StoreDirectory directory, long compactionThreshold, long generation, long snapshotSize,
            LogFile log) {
        this.directory = directory;
        this.compactionThreshold = compactionThreshold;
        this.generation = generation;
        this.compactAfter = Math.max(compactionThreshold, snapshotSize);
        this.log = log;
    }

    /** Locks the directory and loads the current snapshot and log into the index. */
    static DiskJournal open(Path dataDirectory, long compactionThreshold, RecordIndex index) throws IOException {
        StoreDirectory directory = StoreDirectory.lock(dataDirectory);
        try {
            long generation = directory.currentGeneration();
            Path snapshot = directory.snapshot(generation);
            long snapshotSize = 0;
            if (Files.exists(snapshot)) {
                SnapshotFile.read(snapshot, index);
                snapshotSize = Files.size(snapshot);
            }
            LogFile log = LogFile.open(directory.log(generation), index::apply);
            directory.removeAllBut(generation);
            directory.sync();
            return new DiskJournal(directory, compactionThreshold, generation, snapshotSize, log);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void append(List<LogEntry> entries, boolean force) throws IOException {
        if (unrecoverable != null) {
            throw new IOException("the store stopped writing after a failed compaction", unrecoverable);
        }
        log.append(entries, force);
    }

    /**
     * Compacts once the log outgrows both the threshold and the snapshot, so rewriting stays amortised.
     * After a failed attempt the next one waits until the log has grown by another threshold.
     */
    @Override
    public void compactIfDue(RecordIndex index) throws IOException {
        if (unrecoverable != null || log.size() <= compactAfter) {
            return;
        }
        long next = generation + 1;
        Path temporary = directory.temporarySnapshot(next);
        LogFile nextLog;
        long nextSnapshotSize;
        try {
            nextSnapshotSize = SnapshotFile.write(temporary, index);
            nextLog = LogFile.create(directory.log(next));
        } catch (IOException e) {
            discard(temporary, e);
            discard(directory.log(next), e);
            compactAfter = log.size() + compactionThreshold;
            throw e;
        }
        try {
            Files.move(temporary, directory.snapshot(next), StandardCopyOption.ATOMIC_MOVE);
            directory.sync();
        } catch (IOException e) {
            unrecoverable = e;
            nextLog.close();
            throw e;
        }
        LogFile previous = log;
        log = nextLog;
        generation = next;
        compactAfter = Math.max(compactionThreshold, nextSnapshotSize);
        previous.close();
        directory.removeAllBut(generation);
        LOGGER.log(Level.DEBUG, "compacted the store into {0}", directory.snapshot(generation));
    }

    private static void discard(Path file, IOException cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException cleanupFailure) {
            cause.addSuppressed(cleanupFailure);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            log.close();
        } finally {
            directory.close();
        }
    }
}
