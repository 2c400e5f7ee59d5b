package dev.gureum.store;

import dev.gureum.core.store.StoreUnavailableException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.store.LedgerKind;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives closing and reopening a data directory: records, deletes, wipes, compaction, crashes. */
class DiskStoreTest {
    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-east-1";
    private static final long SMALL_THRESHOLD = 4096;

    @TempDir
    Path dataDirectory;

    @Test
    void reopenRestoresRecordsVersionsAndDeletes() {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            put(store, Sample.KIND, "i-1", WriteBatch.ABSENT, 1);
            put(store, Sample.KIND, "i-1", 1, 2);
            put(store, Sample.KIND, "i-2", WriteBatch.ABSENT, 1);
            put(store, Sample.OTHER_KIND, "i-3", WriteBatch.ABSENT, 1);
            store.apply(new WriteBatch().delete(Sample.KIND, key("i-2"), 1));
        }

        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            assertEquals(new Versioned<>(key("i-1"), 2, Sample.named("i-1", 2)), store.get(Sample.KIND, key("i-1")).orElseThrow());
            assertTrue(store.get(Sample.KIND, key("i-2")).isEmpty());
            assertEquals(1, store.get(Sample.OTHER_KIND, key("i-3")).orElseThrow().version());
        }
    }

    @Test
    void rederivableBatchesAreReadAtOnceAndKeptInOrderWithForcedOnes() {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            store.apply(new WriteBatch().put(Sample.KIND, key("i-1"), WriteBatch.ABSENT, Sample.named("i-1", 1))
                    .rederivable());
            assertEquals(1, store.get(Sample.KIND, key("i-1")).orElseThrow().version());
            put(store, Sample.KIND, "i-1", 1, 2);
            store.apply(new WriteBatch().put(Sample.KIND, key("i-2"), WriteBatch.ABSENT, Sample.named("i-2", 1))
                    .rederivable());
        }

        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            assertEquals(new Versioned<>(key("i-1"), 2, Sample.named("i-1", 2)), store.get(Sample.KIND, key("i-1")).orElseThrow());
            assertEquals(List.of("i-1", "i-2"), ids(store, Sample.KIND));
        }
    }

    @Test
    void wipeIsDurable() {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            put(store, Sample.KIND, "i-1", WriteBatch.ABSENT, 1);
            store.wipe();
            put(store, Sample.KIND, "i-2", WriteBatch.ABSENT, 1);
        }

        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            assertEquals(List.of("i-2"), ids(store, Sample.KIND));
        }
    }

    @Test
    void compactionKeepsEveryRecordAndBoundsTheLog() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            for (int number = 0; number < 200; number++) {
                put(store, Sample.KIND, "i-" + number, WriteBatch.ABSENT, number);
                put(store, Sample.KIND, "i-" + number, 1, number + 1);
            }
            store.apply(new WriteBatch().delete(Sample.KIND, key("i-7"), 2));
        }

        List<String> files = storeFiles();
        assertEquals(List.of("lock", "log-", "snapshot-"), files.stream().map(name -> name.replaceAll("\\d", "")).toList());
        Path snapshot = storeFolder().resolve(files.get(2));
        assertTrue(Files.size(onlyLog()) <= Files.size(snapshot) + SMALL_THRESHOLD, files::toString);
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            assertEquals(199, store.list(Sample.KIND, ACCOUNT, REGION).size());
            assertEquals(new Versioned<>(key("i-150"), 2, Sample.named("i-150", 151)),
                    store.get(Sample.KIND, key("i-150")).orElseThrow());
            assertTrue(store.get(Sample.KIND, key("i-7")).isEmpty());
        }
    }

    /** A ledger of plain strings, a batch's as UTF-8 lines. */
    private static final LedgerKind<String> NOTES = LedgerKind.of("notes", String.class, new LedgerKind.Codec<>() {
        @Override
        public byte[] encode(List<String> entries) {
            return String.join("\n", entries).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public List<String> decode(byte[] bytes) {
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
        }
    });

    @Test
    void ledgerEntriesCommitWithTheirBatchAndSurviveReopenCompactionAndWipe() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            for (int number = 0; number < 300; number++) {
                store.apply(new WriteBatch().put(Sample.KIND, key("i-" + number), WriteBatch.ABSENT,
                                Sample.named("i-" + number, number))
                        .append(NOTES, ACCOUNT, REGION, "note " + number)
                        .append(NOTES, ACCOUNT, "eu-west-1", "über " + number));
            }
            WriteBatch refused = new WriteBatch().put(Sample.KIND, key("i-1"), WriteBatch.ABSENT, Sample.named("i-1", 0))
                    .append(NOTES, ACCOUNT, REGION, "never");
            assertThrows(VersionConflictException.class, () -> store.apply(refused));
            store.apply(new WriteBatch().append(NOTES, "444455556666", REGION, "another account"));
            assertEquals(300, store.ledger(NOTES, ACCOUNT).get(REGION).size());
        }
        assertTrue(storeFiles().stream().anyMatch(name -> name.startsWith("snapshot-")), "compacted");
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            Map<String, List<String>> ledger = store.ledger(NOTES, ACCOUNT);
            assertEquals(List.of("eu-west-1", REGION), List.copyOf(ledger.keySet()));
            assertEquals(IntStream.range(0, 300).mapToObj(number -> "note " + number).toList(), ledger.get(REGION));
            assertEquals("über 299", ledger.get("eu-west-1").get(299));
            assertEquals(Map.of(REGION, List.of("another account")), store.ledger(NOTES, "444455556666"));
            assertEquals(Map.of(), store.ledger(NOTES, "777788889999"));
            store.wipe();
            store.apply(new WriteBatch().append(NOTES, ACCOUNT, REGION, "after the wipe"));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            assertEquals(Map.of(REGION, List.of("after the wipe")), store.ledger(NOTES, ACCOUNT));
        }
    }

    @Test
    void aLedgerReadIsTheEntriesCommittedWhenItWasMade() {
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            for (int number = 0; number < 2_500; number++) {
                store.apply(new WriteBatch().append(NOTES, ACCOUNT, REGION, "n" + number));
            }
            List<String> before = store.ledger(NOTES, ACCOUNT).get(REGION);
            store.apply(new WriteBatch().append(NOTES, ACCOUNT, REGION, "later"));
            assertEquals(2_500, before.size());
            assertEquals("n2499", before.get(2_499));
            assertEquals("later", store.ledger(NOTES, ACCOUNT).get(REGION).get(2_500));
        }
    }

    @Test
    void recordsOfKindsNobodyReadsSurviveCompaction() {
        RecordKind<Unread> unread = RecordKind.of("unread", Unread.class);
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            store.apply(new WriteBatch().put(unread, key("u-1"), WriteBatch.ABSENT, new Unread("kept", 42)));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            for (int number = 0; number < 100; number++) {
                put(store, Sample.KIND, "i-" + number, WriteBatch.ABSENT, number);
            }
        }

        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            assertEquals(new Unread("kept", 42), store.get(unread, key("u-1")).orElseThrow().value());
        }
    }

    @Test
    void fieldsAReaderDoesNotKnowSurviveCompactionAfterItReadTheRecord() {
        RecordKind<Unread> wide = RecordKind.of("narrowed", Unread.class);
        RecordKind<Narrow> narrow = RecordKind.of("narrowed", Narrow.class);
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            store.apply(new WriteBatch().put(wide, key("u-1"), WriteBatch.ABSENT, new Unread("kept", 42)));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            assertEquals(new Narrow("kept"), store.get(narrow, key("u-1")).orElseThrow().value());
            for (int number = 0; number < 100; number++) {
                put(store, Sample.KIND, "i-" + number, WriteBatch.ABSENT, number);
            }
        }

        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            assertEquals(new Unread("kept", 42), store.get(wide, key("u-1")).orElseThrow().value());
            assertEquals(Sample.named("i-99", 99), store.get(Sample.KIND, key("i-99")).orElseThrow().value());
        }
    }

    @Test
    void tornEntryAtTheEndIsCutOff() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            put(store, Sample.KIND, "i-1", WriteBatch.ABSENT, 1);
            put(store, Sample.KIND, "i-2", WriteBatch.ABSENT, 2);
        }
        try (FileChannel log = FileChannel.open(onlyLog(), StandardOpenOption.WRITE)) {
            log.truncate(log.size() - 5);
        }

        reopenAndWriteAgain(List.of("i-1"));
    }

    @Test
    void garbageAfterTheLastEntryIsCutOff() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            put(store, Sample.KIND, "i-1", WriteBatch.ABSENT, 1);
        }
        Files.write(onlyLog(), new byte[] {0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9}, StandardOpenOption.APPEND);

        reopenAndWriteAgain(List.of("i-1"));
    }

    @Test
    void leftoversOfAnInterruptedCompactionAreIgnoredAndRemoved() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            put(store, Sample.KIND, "i-1", WriteBatch.ABSENT, 1);
        }
        Files.write(storeFolder().resolve("snapshot-0000000001.tmp"), new byte[] {1, 2, 3});
        Files.write(storeFolder().resolve("log-0000000001"), Frames.LOG_HEADER);

        reopenAndWriteAgain(List.of("i-1"));
        assertEquals(List.of("lock", "log-0000000000"), storeFiles());
    }

    @Test
    void secondOpenOfTheSameDirectoryIsRefused() {
        EmbeddedStore first = EmbeddedStore.open(dataDirectory);

        StoreUnavailableException refusal =
                assertThrows(StoreUnavailableException.class, () -> EmbeddedStore.open(dataDirectory));

        assertTrue(refusal.getMessage().contains("in use"), refusal.getMessage());
        first.close();
        EmbeddedStore.open(dataDirectory).close();
    }

    @Test
    void damagedSnapshotIsRefusedRatherThanIgnored() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, SMALL_THRESHOLD)) {
            for (int number = 0; number < 100; number++) {
                put(store, Sample.KIND, "i-" + number, WriteBatch.ABSENT, number);
            }
        }
        Path snapshot = storeFolder().resolve(storeFiles().stream()
                .filter(name -> name.startsWith("snapshot-")).findFirst().orElseThrow());
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(snapshot, bytes);

        assertThrows(StoreUnavailableException.class, () -> EmbeddedStore.open(dataDirectory));
    }

    /** A value type that no code reads after it was written. */
    record Unread(String note, int number) {
    }

    /** {@link Unread} as a reader that knows only its note sees it. */
    record Narrow(String note) {
    }

    private void reopenAndWriteAgain(List<String> expectedIds) {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            assertEquals(expectedIds, ids(store, Sample.KIND));
            put(store, Sample.KIND, "i-9", WriteBatch.ABSENT, 9);
        }
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            assertEquals(Stream.concat(expectedIds.stream(), Stream.of("i-9")).toList(), ids(store, Sample.KIND));
        }
    }

    private static void put(EmbeddedStore store, RecordKind<Sample> kind, String id, long expected, int count) {
        store.apply(new WriteBatch().put(kind, key(id), expected, Sample.named(id, count)));
    }

    private static List<String> ids(EmbeddedStore store, RecordKind<Sample> kind) {
        return store.list(kind, ACCOUNT, REGION).stream().map(record -> record.key().id()).toList();
    }

    private static RecordKey key(String id) {
        return new RecordKey(ACCOUNT, REGION, id);
    }

    private Path storeFolder() {
        return dataDirectory.resolve("store");
    }

    private List<String> storeFiles() throws IOException {
        try (Stream<Path> files = Files.list(storeFolder())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private Path onlyLog() throws IOException {
        return storeFolder().resolve(storeFiles().stream()
                .filter(name -> name.startsWith("log-")).reduce((first, second) -> {
                    throw new IllegalStateException("more than one log: " + first + ", " + second);
                }).orElseThrow());
    }
}
