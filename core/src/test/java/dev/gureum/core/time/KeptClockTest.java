package dev.gureum.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.ForwardingStore;
import dev.gureum.core.store.StoreUnavailableException;
import dev.gureum.core.store.WriteBatch;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeptClockTest {
    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aServerOpeningTheSameStoreResumesWhereTheClockWasAdvancedTo() {
        FakeStore store = new FakeStore();
        KeptClock.manual(store, START).advance(Duration.ofHours(25));

        ManualClock resumed = KeptClock.manual(store, START.plus(Duration.ofMinutes(5)));

        assertEquals(START.plus(Duration.ofHours(25)), resumed.now());
    }

    @Test
    void aClockNeverAdvancedResumesAtItsFirstStartNotAtTheNextOne() {
        FakeStore store = new FakeStore();
        KeptClock.manual(store, START);

        assertEquals(START, KeptClock.manual(store, START.plus(Duration.ofDays(7))).now());
    }

    @Test
    void anAdvanceTheStoreRefusesLeavesTheClockWhereItWas() {
        FakeStore store = new FakeStore();
        ManualClock clock = KeptClock.manual(new RefusingAfterOpen(store), START);

        assertThrows(StoreUnavailableException.class, () -> clock.advance(Duration.ofSeconds(60)));

        assertEquals(START, clock.now());
        assertEquals(START, KeptClock.manual(store, START.plusSeconds(600)).now());
    }

    /** A store that keeps the first write (the clock's start) and refuses every later one, as a full disk does. */
    private static final class RefusingAfterOpen extends ForwardingStore {
        private boolean opened;

        RefusingAfterOpen(FakeStore store) {
            super(store);
        }

        @Override
        public void apply(WriteBatch batch) {
            if (opened) {
                throw new StoreUnavailableException("the disk is full", null);
            }
            opened = true;
            super.apply(batch);
        }
    }
}
