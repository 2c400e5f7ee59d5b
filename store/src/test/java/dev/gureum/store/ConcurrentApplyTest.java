package dev.gureum.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads incrementing shared counters with compare-and-set: no increment and no version is lost. */
class ConcurrentApplyTest {
    private static final int THREADS = 8;
    private static final List<RecordKey> COUNTERS = List.of(
            new RecordKey("111122223333", "us-east-1", "counter-a"),
            new RecordKey("111122223333", "us-east-1", "counter-b"),
            new RecordKey("111122223333", "eu-west-1", "counter-a"));

    @TempDir
    Path dataDirectory;

    @Test
    void countersOnDiskCountEveryIncrement() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory, 8192)) {
            incrementConcurrently(store, 40);
        }
        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            assertCounted(store, 40);
        }
    }

    @Test
    void countersInMemoryCountEveryIncrement() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            incrementConcurrently(store, 500);
        }
    }

    private static void incrementConcurrently(EmbeddedStore store, int incrementsPerThread) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int offset = thread;
                done.add(threads.submit(() -> {
                    for (int step = 0; step < incrementsPerThread; step++) {
                        increment(store, COUNTERS.get((offset + step) % COUNTERS.size()));
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }
        assertCounted(store, incrementsPerThread);
    }

    private static void increment(EmbeddedStore store, RecordKey counter) {
        while (true) {
            Versioned<Sample> current = store.get(Sample.KIND, counter).orElse(null);
            long expected = current == null ? WriteBatch.ABSENT : current.version();
            int count = current == null ? 1 : current.value().count() + 1;
            try {
                store.apply(new WriteBatch().put(Sample.KIND, counter, expected, Sample.named(counter.id(), count)));
                return;
            } catch (VersionConflictException lostTheRace) {
                // another thread moved the counter first; read it again
            }
        }
    }

    private static void assertCounted(EmbeddedStore store, int incrementsPerThread) {
        int total = 0;
        for (RecordKey counter : COUNTERS) {
            Versioned<Sample> value = store.get(Sample.KIND, counter).orElseThrow();
            assertEquals(value.version(), value.value().count(), counter.toString());
            total += value.value().count();
        }
        assertEquals(THREADS * incrementsPerThread, total);
    }
}
