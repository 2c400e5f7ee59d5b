package dev.gureum.core.storage;

import dev.gureum.core.store.WriteBatch;
import java.time.Instant;

/**
 * Hears, in the batch that records it, when a snapshot's bytes are stored and when they are given up, so
 * what it records commits with the snapshot's state or not at all (billing meters stored GB-months from it).
 */
public interface SnapshotLedger {
    SnapshotLedger NONE = new SnapshotLedger() {
        @Override
        public void stored(WriteBatch batch, Snapshot snapshot, long bytes) {
        }

        @Override
        public void released(WriteBatch batch, Snapshot snapshot, Instant at) {
        }
    };

    /** The snapshot completed holding {@code bytes} of storage, counted from its start time. */
    void stored(WriteBatch batch, Snapshot snapshot, long bytes);

    void released(WriteBatch batch, Snapshot snapshot, Instant at);
}
