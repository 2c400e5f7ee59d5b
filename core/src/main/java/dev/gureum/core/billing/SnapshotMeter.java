package dev.gureum.core.billing;

import dev.gureum.core.storage.Snapshot;
import dev.gureum.core.storage.SnapshotLedger;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;

/**
 * Meters snapshots by the storage their bytes really take ({@code EBS:SnapshotUsage}, GB-months of the blocks
 * written, not the volume's size: a snapshot of a mostly empty volume costs little, as on EBS), from the
 * snapshot's start time until it is deleted.
 */
public final class SnapshotMeter implements SnapshotLedger {
    private final Meter meter;

    public SnapshotMeter(Meter meter) {
        this.meter = meter;
    }

    @Override
    public void stored(WriteBatch batch, Snapshot snapshot, long bytes) {
        meter.open(batch, snapshot.ownerId(), snapshot.region(), new UsagePeriod(snapshot.id(),
                UsageTypes.snapshotUsage(snapshot.region()), UsagePeriod.PricedAs.STORED_BYTE_MONTHS,
                StorageCharge.SNAPSHOT_STANDARD.key(), "OnDemand", null, bytes, snapshot.startTime(), null, 0));
    }

    @Override
    public void released(WriteBatch batch, Snapshot snapshot, Instant at) {
        meter.close(batch, snapshot.ownerId(), snapshot.region(), snapshot.id(),
                UsageTypes.snapshotUsage(snapshot.region()), at);
    }
}
