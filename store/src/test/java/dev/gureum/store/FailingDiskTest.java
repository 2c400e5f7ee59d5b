package dev.gureum.store;

import dev.gureum.core.store.StoreUnavailableException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A write the disk refuses is reported as unavailable and leaves memory as it was. */
class FailingDiskTest {
    private static final RecordKey KEY = new RecordKey("111122223333", "us-east-1", "i-1");

    /** A durable journal whose disk can be made to fail. */
    private static final class FlakyJournal implements Journal {
        volatile boolean failing;

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public void append(List<LogEntry> entries, boolean force) throws IOException {
            if (failing) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void compactIfDue(RecordIndex index) {
            // this fake keeps no log
        }

        @Override
        public void close() {
            // holds no resources
        }
    }

    @Test
    void failedLogWriteChangesNothingAndLaterWritesWork() {
        FlakyJournal journal = new FlakyJournal();
        try (EmbeddedStore store = EmbeddedStore.over(journal)) {
            store.apply(new WriteBatch().put(Sample.KIND, KEY, WriteBatch.ABSENT, Sample.named("one", 1)));
            journal.failing = true;

            StoreUnavailableException failure = assertThrows(StoreUnavailableException.class,
                    () -> store.apply(new WriteBatch().put(Sample.KIND, KEY, 1, Sample.named("one", 2))));
            assertThrows(StoreUnavailableException.class, store::wipe);

            assertTrue(failure.getCause() instanceof IOException);
            assertEquals(1, store.get(Sample.KIND, KEY).orElseThrow().version());
            journal.failing = false;
            store.apply(new WriteBatch().put(Sample.KIND, KEY, 1, Sample.named("one", 2)));
            assertEquals(Sample.named("one", 2), store.get(Sample.KIND, KEY).orElseThrow().value());
        }
    }
}
