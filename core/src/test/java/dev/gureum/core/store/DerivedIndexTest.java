package dev.gureum.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The index finds records by a derived key, follows every commit, stays right when commits reach it out of
 * order, and tells a read that overlapped a commit from one that did not.
 */
class DerivedIndexTest {
    private record Disk(String id, List<String> hosts) {
    }

    private static final RecordKind<Disk> DISKS = RecordKind.of("disk", Disk.class);

    private final FakeStore records = new FakeStore();
    private final FollowedStore store = new FollowedStore(records);

    @Test
    void recordsPresentAtStartAreIndexed() {
        records.apply(new WriteBatch().put(DISKS, key("d-1"), WriteBatch.ABSENT, new Disk("d-1", List.of("i-1", "i-2"))));

        DerivedIndex<Disk> index = index();

        assertEquals(List.of("d-1"), ids(index, "i-1"));
        assertEquals(List.of("d-1"), ids(index, "i-2"));
        assertEquals(List.of(), ids(index, "i-3"));
    }

    @Test
    void commitsMoveRecordsBetweenKeysAndDeletesDropThem() {
        DerivedIndex<Disk> index = index();
        store.apply(new WriteBatch().put(DISKS, key("d-1"), WriteBatch.ABSENT, new Disk("d-1", List.of("i-1")))
                .put(DISKS, key("d-2"), WriteBatch.ABSENT, new Disk("d-2", List.of("i-1"))));
        store.apply(new WriteBatch().put(DISKS, key("d-1"), 1, new Disk("d-1", List.of("i-2"))));

        assertEquals(List.of("d-2"), ids(index, "i-1"));
        assertEquals(List.of("d-1"), ids(index, "i-2"));

        store.apply(new WriteBatch().delete(DISKS, key("d-2"), 1));
        assertEquals(List.of(), ids(index, "i-1"));
        store.wipe();
        assertEquals(List.of(), ids(index, "i-2"));
    }

    @Test
    void commitsHeardOutOfOrderLeaveTheIndexAsTheStoreIs() {
        DerivedIndex<Disk> index = new DerivedIndex<>(records, DISKS, Disk::hosts);
        Disk first = new Disk("d-1", List.of("i-1"));
        Disk second = new Disk("d-1", List.of("i-2"));
        Disk third = new Disk("d-1", List.of("i-3"));
        records.apply(new WriteBatch().put(DISKS, key("d-1"), WriteBatch.ABSENT, first));
        records.apply(new WriteBatch().put(DISKS, key("d-1"), 1, second));
        records.apply(new WriteBatch().put(DISKS, key("d-1"), 2, third));

        // the second commit's follower call arrives after the third's
        index.committed(List.of(new FollowedStore.Change(DISKS, key("d-1"), null, first)));
        index.committed(List.of(new FollowedStore.Change(DISKS, key("d-1"), second, third)));
        index.committed(List.of(new FollowedStore.Change(DISKS, key("d-1"), first, second)));

        assertEquals(List.of(), ids(index, "i-1"));
        assertEquals(List.of(), ids(index, "i-2"));
        assertEquals(List.of("d-1"), ids(index, "i-3"));
    }

    @Test
    void recordsAreCheckedAgainstTheStoreNotTakenFromTheHint() {
        DerivedIndex<Disk> index = new DerivedIndex<>(records, DISKS, Disk::hosts);
        records.apply(new WriteBatch().put(DISKS, key("d-1"), WriteBatch.ABSENT, new Disk("d-1", List.of("i-1"))));
        index.committed(List.of(new FollowedStore.Change(DISKS, key("d-1"), null, new Disk("d-1", List.of("i-1")))));
        records.apply(new WriteBatch().put(DISKS, key("d-1"), 1, new Disk("d-1", List.of("i-9"))));

        assertEquals(List.of("d-1"), index.ids("000000000000", "us-east-1", "i-1"));
        assertEquals(List.of(), index.records("000000000000", "us-east-1", List.of("i-1")));
    }

    @Test
    void aKeyManyRecordsHoldListsThemInIdOrder() {
        DerivedIndex<Disk> index = index();
        List<String> made = new ArrayList<>();
        for (int i = 40; i > 0; i--) {
            String id = "d-" + i;
            made.add(id);
            store.apply(new WriteBatch().put(DISKS, key(id), WriteBatch.ABSENT, new Disk(id, List.of("i-1"))));
        }
        store.apply(new WriteBatch().put(DISKS, key("d-7"), 1, new Disk("d-7", List.of("i-2")))
                .delete(DISKS, key("d-30"), 1));
        store.apply(new WriteBatch().put(DISKS, key("d-7"), 2, new Disk("d-7", List.of("i-1"))));

        List<String> expected = new ArrayList<>(made);
        expected.remove("d-30");
        expected.sort(null);
        assertEquals(expected, index.ids("000000000000", "us-east-1", "i-1"));
        assertEquals(39, index.count("000000000000", "us-east-1", "i-1"));
        assertEquals(List.of(), index.ids("000000000000", "us-east-1", "i-2"));
        assertEquals(0, index.count("000000000000", "us-east-1", "i-2"));
    }

    @Test
    void aReadOverlappingACommitIsNotSettledAndOneAfterItIs() {
        List<Optional<List<String>>> duringCommit = new ArrayList<>();
        AtomicReference<DerivedIndex<Disk>> index = new AtomicReference<>();
        FollowedStore hooked = new FollowedStore(new ReadingMidCommit(records,
                () -> duringCommit.add(index.get().settled(() -> ids(index.get(), "i-1")))));
        index.set(hooked.follow(new DerivedIndex<>(hooked, DISKS, Disk::hosts)));

        hooked.apply(new WriteBatch().put(DISKS, key("d-1"), WriteBatch.ABSENT, new Disk("d-1", List.of("i-1"))));

        assertEquals(List.of(Optional.empty()), duringCommit, "the store held d-1 before the index knew of it");
        assertEquals(Optional.of(List.of("d-1")), index.get().settled(() -> ids(index.get(), "i-1")));
    }

    @Test
    void aSettledReadAgreesWithTheStoreWhileAnotherThreadCommits() throws Exception {
        DerivedIndex<Disk> index = index();
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 3000 && !done.get(); i++) {
                String id = "d-" + (i % 40);
                store.apply(new WriteBatch().put(DISKS, key(id), WriteBatch.ANY, new Disk(id, List.of("i-" + (i % 3)))));
                LockSupport.parkNanos(20_000);
            }
        });
        writer.start();
        try {
            while (writer.isAlive()) {
                index.settled(() -> List.of(ids(index, "i-1"), walk("i-1"))).ifPresent(read ->
                        assertEquals(read.get(1), read.get(0), "the index and the store at one moment"));
            }
        } finally {
            done.set(true);
            writer.join();
        }
        Optional<List<List<String>>> quiet = index.settled(() -> List.of(ids(index, "i-1"), walk("i-1")));
        assertTrue(quiet.isPresent(), "no commit is under way");
        assertEquals(quiet.get().get(1), quiet.get().get(0));
    }

    private List<String> walk(String host) {
        return records.list(DISKS, "000000000000", "us-east-1").stream().map(Versioned::value)
                .filter(disk -> disk.hosts().contains(host)).map(Disk::id).sorted().toList();
    }

    @Test
    void aRefusedBatchLeavesTheIndexSettled() {
        DerivedIndex<Disk> index = index();
        store.apply(new WriteBatch().put(DISKS, key("d-1"), WriteBatch.ABSENT, new Disk("d-1", List.of("i-1"))));

        assertThrows(VersionConflictException.class, () -> store.apply(new WriteBatch()
                .put(DISKS, key("d-1"), 7, new Disk("d-1", List.of("i-2")))));

        assertEquals(Optional.of(List.of("d-1")), index.settled(() -> ids(index, "i-1")));
        assertEquals(Optional.of(List.of()), index.settled(() -> ids(index, "i-2")));
        store.wipe();
        assertEquals(Optional.of(List.of()), index.settled(() -> ids(index, "i-1")));
    }

    /** A store that runs a read right after it has applied each batch, before its followers hear of it. */
    private static final class ReadingMidCommit extends ForwardingStore {
        private final Runnable read;

        ReadingMidCommit(Store store, Runnable read) {
            super(store);
            this.read = read;
        }

        @Override
        public void apply(WriteBatch batch) {
            super.apply(batch);
            read.run();
        }
    }

    private DerivedIndex<Disk> index() {
        return store.follow(new DerivedIndex<>(store, DISKS, Disk::hosts));
    }

    private static List<String> ids(DerivedIndex<Disk> index, String host) {
        return index.records("000000000000", "us-east-1", List.of(host)).stream().map(record -> record.value().id()).toList();
    }

    private static RecordKey key(String id) {
        return new RecordKey("000000000000", "us-east-1", id);
    }
}
