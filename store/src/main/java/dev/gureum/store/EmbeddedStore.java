package dev.gureum.store;

import dev.gureum.core.store.StoreUnavailableException;
import dev.gureum.core.store.LedgerKind;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default store: every live record in memory, every committed batch in a write-ahead log under
 * {@code <data directory>/store/}, forced to disk before {@code apply} returns. Concurrent writers share
 * fsyncs (group commit), and the log is periodically folded into a snapshot. Values are kept as JSON
 * and decoded on first read, so the store needs no list of kinds up front. {@link #inMemory()} gives the
 * same behaviour without a disk.
 */
public final class EmbeddedStore implements Store {
    /** Log size after which a snapshot replaces the log (unless the last snapshot is bigger still). */
    static final long DEFAULT_COMPACTION_THRESHOLD = 64L << 20;

    private final RecordIndex index;
    private final GroupCommitter committer;
    private final RecordCodec codec = new RecordCodec();

    private EmbeddedStore(RecordIndex index, Journal journal) {
        this.index = index;
        this.committer = new GroupCommitter(index, journal);
    }

    /**
     * Opens (creating if needed) the store of a data directory, recovering from an interrupted write.
     *
     * @throws StoreUnavailableException when the directory cannot be read or written, is damaged, or is
     *     held open by another process
     */
    public static EmbeddedStore open(Path dataDirectory) {
        return open(dataDirectory, DEFAULT_COMPACTION_THRESHOLD);
    }

    static EmbeddedStore open(Path dataDirectory, long compactionThreshold) {
        RecordIndex index = new RecordIndex();
        try {
            return new EmbeddedStore(index, DiskJournal.open(dataDirectory, compactionThreshold, index));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot open the store in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A store that keeps nothing on disk, for tests and for measurements without fsync. */
    public static EmbeddedStore inMemory() {
        return new EmbeddedStore(new RecordIndex(), new MemoryJournal());
    }

    /** A store over a journal of the caller's choosing, for tests that need a failing disk. */
    static EmbeddedStore over(Journal journal) {
        return new EmbeddedStore(new RecordIndex(), journal);
    }

    @Override
    public <T> Optional<Versioned<T>> get(RecordKind<T> kind, RecordKey key) {
        return Optional.ofNullable(index.find(kind.name(), key)).map(record -> versioned(kind, record));
    }

    @Override
    public <T> List<Versioned<T>> list(RecordKind<T> kind, String account, String region) {
        return versionedAll(kind, index.list(kind.name(), account, region));
    }

    @Override
    public <T> List<Versioned<T>> listAll(RecordKind<T> kind) {
        return versionedAll(kind, index.listAll(kind.name()));
    }

    @Override
    public void apply(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<CommitRequest.Write> writes = new ArrayList<>();
        for (WriteBatch.Write write : batch.writes()) {
            if (write.expectedVersion() < WriteBatch.ANY) {
                throw new IllegalArgumentException("no record has version " + write.expectedVersion());
            }
            if (write.isDelete()) {
                writes.add(new CommitRequest.Write(write.kind().name(), write.key(), write.expectedVersion(), null, null));
            } else {
                writes.add(new CommitRequest.Write(write.kind().name(), write.key(), write.expectedVersion(),
                        codec.encode(write.value()), new Change.Written(write.kind().type(), write.value())));
            }
        }
        committer.submit(CommitRequest.batch(writes, appended(batch.appends()), !batch.isRederivable()));
    }

    /** A batch's ledger entries, a block per ledger, each block its entries encoded together. */
    private static List<LogEntry.LedgerBlock> appended(List<WriteBatch.LedgerAppends> appends) {
        if (appends.isEmpty()) {
            return List.of();
        }
        List<LogEntry.LedgerBlock> blocks = new ArrayList<>(appends.size());
        for (WriteBatch.LedgerAppends appended : appends) {
            blocks.add(new LogEntry.LedgerBlock(appended.kind().name(), appended.account(), appended.region(),
                    List.of(encoded(appended.kind(), appended.entries()))));
        }
        return blocks;
    }

    @Override
    public <T> Map<String, List<T>> ledger(LedgerKind<T> kind, String account) {
        return index.ledger(kind, account);
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] encoded(LedgerKind<T> kind, List<Object> entries) {
        return kind.codec().encode((List<T>) entries);
    }

    @Override
    public void wipe() {
        committer.submit(CommitRequest.wipe());
    }

    @Override
    public String name() {
        return "embedded";
    }

    /** Finishes queued writes and releases the data directory; reads keep answering from memory. */
    @Override
    public void close() {
        committer.close();
    }

    private <T> Versioned<T> versioned(RecordKind<T> kind, StoredRecord record) {
        return record.versioned(kind.type(), codec);
    }

    /** A plain loop: listings are on every Describe's path and walk thousands of records. */
    private <T> List<Versioned<T>> versionedAll(RecordKind<T> kind, java.util.Collection<StoredRecord> records) {
        List<Versioned<T>> all = new java.util.ArrayList<>();
        for (StoredRecord record : records) {
            all.add(record.versioned(kind.type(), codec));
        }
        return all;
    }
}
