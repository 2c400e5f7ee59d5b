package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admission of a group of batches that share one write and one force: each is checked against those before it. */
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
