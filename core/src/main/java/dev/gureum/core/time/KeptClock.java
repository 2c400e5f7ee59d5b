package dev.gureum.core.time;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;

/**
 * A manual clock that keeps its time in the store: each instant it is advanced to is written (durably) before
 * anyone reads it, and a server opening the same store resumes at the last one, so neither a restart nor a
 * crash moves the clock forward or back, and what was metered, scheduled or stamped on it stays in its past.
 * A store without a kept time starts the clock at the instant given, and keeps that.
 */
public final class KeptClock {
    /** The one record of the clock's time (the store holds it beside every account's records). */
    public record ManualTime(Instant now) {
    }

    static final RecordKind<ManualTime> KIND = RecordKind.of("manual-clock", ManualTime.class);
    static final RecordKey KEY = new RecordKey("*", "*", "now");

    private KeptClock() {
    }

    /** The manual clock kept in {@code store}, at its kept time or, in a store that has none, at {@code start}. */
    public static ManualClock manual(Store store, Instant start) {
        Instant kept = store.get(KIND, KEY).map(time -> time.value().now()).orElse(start);
        keep(store, kept);
        return new ManualClock(kept, instant -> keep(store, instant));
    }

    private static void keep(Store store, Instant now) {
        store.apply(new WriteBatch().put(KIND, KEY, WriteBatch.ANY, new ManualTime(now)));
    }
}
