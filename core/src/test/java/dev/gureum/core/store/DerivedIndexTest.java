package dev.gureum.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The index finds records by a derived key, follows every commit, and stays right when commits reach it out of order. */
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
