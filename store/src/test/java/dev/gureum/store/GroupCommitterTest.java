package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Admission of a group of batches that share one write and one force: each is checked against those before it;
 * and who writes: a lone caller its own batch, the writer thread whatever queued meanwhile.
 */
class GroupCommitterTest {
    private static final RecordKey FIRST = new RecordKey("000000000000", "us-east-1", "first");
    private static final RecordKey SECOND = new RecordKey("000000000000", "us-east-1", "second");

    private final RecordIndex index = new RecordIndex();
    private final GroupCommitter committer = new GroupCommitter(index, new MemoryJournal());
    private final List<CommitRequest> accepted = new ArrayList<>();
    private final List<LogEntry> entries = new ArrayList<>();

    @Test
    void aBatchSeesTheVersionsTheBatchesBeforeItInTheGroupWrote() {
        CommitRequest create = batch(put(FIRST, WriteBatch.ABSENT), put(FIRST, 1));
        CommitRequest update = batch(put(FIRST, 2));
        CommitRequest stale = batch(put(FIRST, 2));

        committer.admit(List.of(create, update, stale), accepted, entries);

        assertEquals(List.of(create, update), accepted);
        assertEquals(List.of(List.of(1L, 2L), List.of(3L)), versions());
        assertThrows(VersionConflictException.class, stale::await);
    }

    @Test
    void aRefusedBatchLeavesNoVersionsBehindForTheNextOne() {
        CommitRequest refused = batch(put(SECOND, WriteBatch.ABSENT), put(FIRST, 5));
        CommitRequest next = batch(put(SECOND, WriteBatch.ABSENT));

        committer.admit(List.of(refused, next), accepted, entries);

        assertEquals(List.of(next), accepted);
        assertEquals(List.of(List.of(1L)), versions());
    }

    @Test
    void deletingWhatDoesNotExistChangesNothingAndAWipeStartsFromNothing() {
        CommitRequest nothing = batch(delete(FIRST, WriteBatch.ANY));
        CommitRequest created = batch(put(FIRST, WriteBatch.ABSENT));
        CommitRequest wipe = CommitRequest.wipe();
        CommitRequest afterWipe = batch(put(FIRST, WriteBatch.ABSENT));

        committer.admit(List.of(nothing, created, wipe, afterWipe), accepted, entries);

        assertEquals(List.of(nothing, created, wipe, afterWipe), accepted);
        assertEquals(3, entries.size(), "the delete of nothing writes no entry");
        assertEquals(1L, ((LogEntry.Batch) entries.get(2)).changes().get(0).version());
    }

    @Test
    void aLoneCallerWritesItsOwnBatchAndAnInterruptedOneLeavesItToTheWriter() {
        ThreadJournal journal = new ThreadJournal(null);
        GroupCommitter durable = new GroupCommitter(index, journal);
        try {
            durable.submit(batch(put(FIRST, WriteBatch.ABSENT)));
            Thread.currentThread().interrupt();
            durable.submit(batch(put(FIRST, 1)));
        } finally {
            Thread.interrupted();
            durable.close();
        }
        assertEquals(List.of(Thread.currentThread().getName(), "gureum-store-writer"), journal.writers);
        assertEquals(2, index.version("sample", FIRST));
    }

    @Test
    void batchesArrivingDuringACommitWaitForItAndAreWrittenByTheWriter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ThreadJournal journal = new ThreadJournal(release);
        GroupCommitter durable = new GroupCommitter(index, journal);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = callers.submit(() -> durable.submit(batch(put(FIRST, WriteBatch.ABSENT))));
            journal.entered.await();
            Future<?> second = callers.submit(() -> durable.submit(batch(put(SECOND, WriteBatch.ABSENT))));
            Future<?> third = callers.submit(() -> durable.submit(batch(put(FIRST, 1))));
            Thread.sleep(50);
            assertEquals(1, journal.writers.size(), "nothing else is written while a commit is under way");
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            third.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            callers.shutdown();
            durable.close();
        }
        assertTrue(journal.writers.subList(1, journal.writers.size()).stream()
                .allMatch("gureum-store-writer"::equals), journal.writers.toString());
        assertEquals(List.of(2L, 1L), List.of(index.version("sample", FIRST), index.version("sample", SECOND)));
    }

    /** A durable journal that remembers which thread made each append; the first append waits for {@code release}. */
    private static final class ThreadJournal implements Journal {
        final List<String> writers = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release;

        ThreadJournal(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public void append(List<LogEntry> entries, boolean force) {
            writers.add(Thread.currentThread().getName());
            entered.countDown();
            if (release != null && writers.size() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void compactIfDue(RecordIndex index) {
        }

        @Override
        public void close() {
        }
    }

    private List<List<Long>> versions() {
        return entries.stream().map(entry -> ((LogEntry.Batch) entry).changes().stream().map(Change::version).toList())
                .toList();
    }

    private static CommitRequest batch(CommitRequest.Write... writes) {
        return CommitRequest.batch(List.of(writes), true);
    }

    private static CommitRequest.Write put(RecordKey key, long expected) {
        return new CommitRequest.Write("sample", key, expected, "{}".getBytes(StandardCharsets.UTF_8), null);
    }

    private static CommitRequest.Write delete(RecordKey key, long expected) {
        return new CommitRequest.Write("sample", key, expected, null, null);
    }
}
