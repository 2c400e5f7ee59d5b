package dev.gureum.core.storage;

import dev.gureum.core.store.RecordKind;

/** Where storage records live in the store. The names are persisted: never change them. */
public final class StorageRecords {
    public static final RecordKind<Volume> VOLUMES = RecordKind.of("volume", Volume.class);
    /** The latest modification of each volume (id: the volume's). */
    public static final RecordKind<VolumeModification> MODIFICATIONS =
            RecordKind.of("volume-modification", VolumeModification.class);
    /** Accounts' snapshots, keyed by owner, region and snapshot id. Public catalog snapshots are not stored. */
    public static final RecordKind<Snapshot> SNAPSHOTS = RecordKind.of("snapshot", Snapshot.class);
    /** Create-volume permissions indexed by grantee (see {@link SnapshotGrant}). */
    public static final RecordKind<SnapshotGrant> SNAPSHOT_GRANTS = RecordKind.of("snapshot-grant", SnapshotGrant.class);

    private StorageRecords() {
    }
}
