package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gureum.core.store.RecordKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The in-memory index: lookups by id and listings in id order, kept through batches of puts and removals. */
class RecordIndexTest {
    private static final String KIND = "sample";
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    private final RecordIndex index = new RecordIndex();

    @Test
    void listingsFollowIdOrderThroughRandomBatchesOfPutsAndRemovals() {
        Random random = new Random(7);
        TreeMap<String, Long> expected = new TreeMap<>();
        for (int round = 0; round < 200; round++) {
            List<Change> changes = new ArrayList<>();
            for (int i = random.nextInt(30); i >= 0; i--) {
                String id = "id-" + random.nextInt(300);
                if (random.nextInt(3) == 0) {
                    changes.add(Change.remove(KIND, key(id)));
                    expected.remove(id);
                } else {
                    long version = expected.getOrDefault(id, 0L) + 1;
                    changes.add(Change.put(KIND, key(id), version, json(id)));
                    expected.put(id, version);
                }
            }
            index.apply(new LogEntry.Batch(changes));
            assertEquals(List.copyOf(expected.keySet()), ids(index.list(KIND, ACCOUNT, REGION)), "round " + round);
            expected.forEach((id, version) -> assertEquals(version, index.version(KIND, key(id))));
        }
    }

    @Test
    void aRecordRemovedAndAddedAgainInOneBatchIsListedOnce() {
        index.apply(batch(Change.put(KIND, key("b"), 1, json("b")), Change.put(KIND, key("a"), 1, json("a"))));
        index.apply(batch(Change.remove(KIND, key("b")), Change.put(KIND, key("b"), 1, json("b2")),
                Change.put(KIND, key("c"), 1, json("c")), Change.remove(KIND, key("c"))));

        Collection<StoredRecord> listed = index.list(KIND, ACCOUNT, REGION);

        assertEquals(List.of("a", "b"), ids(listed));
        assertNull(index.find(KIND, key("c")));
        assertEquals("\"b2\"", new String(index.find(KIND, key("b")).json(), StandardCharsets.UTF_8));
    }

    @Test
    void aListingShowsEachRecordAsItIsWhenWalkedAndSkipsOnesRemovedMeanwhile() {
        index.apply(batch(Change.put(KIND, key("a"), 1, json("a1")), Change.put(KIND, key("b"), 1, json("b"))));
        Collection<StoredRecord> listed = index.list(KIND, ACCOUNT, REGION);

        index.apply(batch(Change.put(KIND, key("a"), 2, json("a2")), Change.remove(KIND, key("b"))));

        assertEquals(List.of("a"), ids(listed));
        assertEquals(2, listed.iterator().next().version());
        assertEquals(1, listed.size());
    }

    private static List<String> ids(Collection<StoredRecord> records) {
        return records.stream().map(record -> record.key().id()).toList();
    }

    private static LogEntry.Batch batch(Change... changes) {
        return new LogEntry.Batch(List.of(changes));
    }

    private static RecordKey key(String id) {
        return new RecordKey(ACCOUNT, REGION, id);
    }

    private static byte[] json(String text) {
        return ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
    }
}
