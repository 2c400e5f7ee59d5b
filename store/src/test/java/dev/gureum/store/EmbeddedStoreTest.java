package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Compare-and-set, batch atomicity, listing and wipe, on the in-memory store (same code as on disk). */
class EmbeddedStoreTest {
    private static final RecordKey FIRST = new RecordKey("111122223333", "us-east-1", "i-1");
    private static final RecordKey SECOND = new RecordKey("111122223333", "us-east-1", "i-2");

    private final EmbeddedStore store = EmbeddedStore.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void putOfAbsentRecordCreatesVersionOne() {
        put(FIRST, WriteBatch.ABSENT, Sample.named("one", 1));

        assertEquals(new Versioned<>(FIRST, 1, Sample.named("one", 1)), store.get(Sample.KIND, FIRST).orElseThrow());
    }

    @Test
    void putExpectingAbsentOnExistingRecordConflicts() {
        put(FIRST, WriteBatch.ABSENT, Sample.named("one", 1));

        assertThrows(VersionConflictException.class, () -> put(FIRST, WriteBatch.ABSENT, Sample.named("two", 2)));
        assertEquals(Sample.named("one", 1), store.get(Sample.KIND, FIRST).orElseThrow().value());
    }

    @Test
    void putWithCurrentVersionAdvancesAndStaleVersionConflicts() {
        put(FIRST, WriteBatch.ABSENT, Sample.named("one", 1));
        put(FIRST, 1, Sample.named("one", 2));

        assertThrows(VersionConflictException.class, () -> put(FIRST, 1, Sample.named("one", 3)));
        assertEquals(new Versioned<>(FIRST, 2, Sample.named("one", 2)), store.get(Sample.KIND, FIRST).orElseThrow());
    }

    @Test
    void putWithExpectedVersionOnMissingRecordConflicts() {
        assertThrows(VersionConflictException.class, () -> put(FIRST, 1, Sample.named("one", 1)));
        assertTrue(store.get(Sample.KIND, FIRST).isEmpty());
    }

    @Test
    void anyVersionSkipsTheCheck() {
        put(FIRST, WriteBatch.ANY, Sample.named("one", 1));
        put(FIRST, WriteBatch.ANY, Sample.named("one", 2));

        assertEquals(2, store.get(Sample.KIND, FIRST).orElseThrow().version());
    }

    @Test
    void deleteRemovesOnlyAtTheExpectedVersion() {
        put(FIRST, WriteBatch.ABSENT, Sample.named("one", 1));

        assertThrows(VersionConflictException.class, () -> store.apply(new WriteBatch().delete(Sample.KIND, FIRST, 2)));
        store.apply(new WriteBatch().delete(Sample.KIND, FIRST, 1));

        assertTrue(store.get(Sample.KIND, FIRST).isEmpty());
        store.apply(new WriteBatch().delete(Sample.KIND, FIRST, WriteBatch.ANY));
        put(FIRST, WriteBatch.ABSENT, Sample.named("again", 1));
        assertEquals(1, store.get(Sample.KIND, FIRST).orElseThrow().version());
    }

    @Test
    void batchWithOneConflictWritesNothing() {
        put(FIRST, WriteBatch.ABSENT, Sample.named("one", 1));
        WriteBatch batch = new WriteBatch()
                .put(Sample.KIND, SECOND, WriteBatch.ABSENT, Sample.named("two", 1))
                .delete(Sample.KIND, FIRST, 1)
                .put(Sample.OTHER_KIND, FIRST, 7, Sample.named("three", 1));

        assertThrows(VersionConflictException.class, () -> store.apply(batch));

        assertTrue(store.get(Sample.KIND, SECOND).isEmpty());
        assertEquals(1, store.get(Sample.KIND, FIRST).orElseThrow().version());
        assertTrue(store.get(Sample.OTHER_KIND, FIRST).isEmpty());
    }

    @Test
    void writesOfOneBatchSeeTheWritesBeforeThem() {
        store.apply(new WriteBatch()
                .put(Sample.KIND, FIRST, WriteBatch.ABSENT, Sample.named("one", 1))
                .put(Sample.KIND, FIRST, 1, Sample.named("one", 2)));

        assertEquals(new Versioned<>(FIRST, 2, Sample.named("one", 2)), store.get(Sample.KIND, FIRST).orElseThrow());
    }

    @Test
    void listReturnsOneScopeOfOneKindInIdOrder() {
        for (String id : List.of("i-c", "i-a", "i-b")) {
            put(new RecordKey("111122223333", "us-east-1", id), WriteBatch.ABSENT, Sample.named(id, 0));
        }
        put(new RecordKey("111122223333", "eu-west-1", "i-0"), WriteBatch.ABSENT, Sample.named("region", 0));
        put(new RecordKey("999988887777", "us-east-1", "i-0"), WriteBatch.ABSENT, Sample.named("account", 0));
        store.apply(new WriteBatch().put(Sample.OTHER_KIND, new RecordKey("111122223333", "us-east-1", "i-0"),
                WriteBatch.ABSENT, Sample.named("kind", 0)));

        List<String> ids = store.list(Sample.KIND, "111122223333", "us-east-1").stream()
                .map(record -> record.key().id())
                .toList();

        assertEquals(List.of("i-a", "i-b", "i-c"), ids);
        assertEquals(List.of(), store.list(Sample.KIND, "111122223333", "ap-south-1"));
        assertEquals(1, store.list(Sample.OTHER_KIND, "111122223333", "us-east-1").size());
    }

    @Test
    void wipeRemovesEveryRecord() {
        put(FIRST, WriteBatch.ABSENT, Sample.named("one", 1));
        store.apply(new WriteBatch().put(Sample.OTHER_KIND, SECOND, WriteBatch.ABSENT, Sample.named("two", 1)));

        store.wipe();

        assertTrue(store.get(Sample.KIND, FIRST).isEmpty());
        assertEquals(List.of(), store.list(Sample.OTHER_KIND, SECOND.account(), SECOND.region()));
        put(FIRST, WriteBatch.ABSENT, Sample.named("one", 1));
    }

    @Test
    void valuesAreReturnedAsTheyWouldBeReadFromDisk() {
        Sample withNull = new Sample("no-time", 3, null, List.of());
        put(FIRST, WriteBatch.ABSENT, withNull);

        Sample read = store.get(Sample.KIND, FIRST).orElseThrow().value();

        assertEquals(withNull, read);
        assertEquals(read, store.list(Sample.KIND, FIRST.account(), FIRST.region()).getFirst().value());
    }

    @Test
    void expectedVersionBelowAnyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> put(FIRST, -2, Sample.named("one", 1)));
    }

    @Test
    void closedStoreRefusesWrites() {
        store.close();

        assertThrows(IllegalStateException.class, () -> put(FIRST, WriteBatch.ABSENT, Sample.named("one", 1)));
        assertEquals("embedded", store.name());
    }

    private void put(RecordKey key, long expectedVersion, Sample value) {
        store.apply(new WriteBatch().put(Sample.KIND, key, expectedVersion, value));
    }
}
