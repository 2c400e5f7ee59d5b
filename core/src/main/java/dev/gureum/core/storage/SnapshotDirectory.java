package dev.gureum.core.storage;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.share.Grants;
import dev.gureum.core.share.Permissions;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the snapshots an account can see in a region — its own, those other accounts shared with it or
 * made public (through {@link SnapshotGrant} index records), and the public catalog images' snapshots —
 * and keeps the index records in step with each snapshot's create-volume permissions.
 */
public final class SnapshotDirectory {
    private final Store store;
    private final PublicSnapshots publicSnapshots;

    public SnapshotDirectory(Store store, PublicSnapshots publicSnapshots) {
        this.store = store;
        this.publicSnapshots = publicSnapshots;
    }

    /** Every snapshot {@code account} can see in {@code region}, each once. */
    List<Snapshot> visible(String account, String region) {
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        publicSnapshots.in(region).forEach(snapshot -> snapshots.put(snapshot.id(), snapshot));
        store.list(StorageRecords.SNAPSHOTS, account, region).forEach(own -> snapshots.put(own.key().id(), own.value()));
        for (String grantee : List.of(account, Grants.EVERYONE)) {
            for (Versioned<SnapshotGrant> grant : store.list(StorageRecords.SNAPSHOT_GRANTS, grantee, region)) {
                shared(grant.value(), region).ifPresent(snapshot -> snapshots.putIfAbsent(snapshot.id(), snapshot));
            }
        }
        return List.copyOf(snapshots.values());
    }

    /**
     * The snapshot if {@code account} may see it and create volumes from it. Images are copied with the
     * snapshots their owner could use, so CopyImage asks on the image owner's behalf.
     */
    public Optional<Snapshot> findVisible(String account, String region, String snapshotId) {
        Optional<Snapshot> found = store.get(StorageRecords.SNAPSHOTS, new RecordKey(account, region, snapshotId))
                .map(Versioned::value);
        for (String grantee : List.of(account, Grants.EVERYONE)) {
            if (found.isEmpty()) {
                found = store.get(StorageRecords.SNAPSHOT_GRANTS, new RecordKey(grantee, region, snapshotId))
                        .flatMap(grant -> shared(grant.value(), region));
            }
        }
        if (found.isEmpty()) {
            found = publicSnapshots.in(region).stream().filter(snapshot -> snapshot.id().equals(snapshotId)).findFirst();
        }
        return found;
    }

    /** A visible snapshot, for creating volumes and images from it: malformed and unknown ids are refused. */
    public Snapshot requireVisible(String account, String region, String snapshotId) {
        ResourceIds.requireWellFormed(IdKind.SNAPSHOT, List.of(snapshotId));
        return findVisible(account, region, snapshotId)
                .orElseThrow(() -> notFound(List.of(snapshotId)));
    }

    /**
     * The caller's own snapshot, for changes: one it cannot see is NotFound, one it sees but does not own
     * is refused with AuthFailure.
     */
    Versioned<Snapshot> requireOwned(String account, String region, String snapshotId) {
        ResourceIds.requireWellFormed(IdKind.SNAPSHOT, List.of(snapshotId));
        Optional<Versioned<Snapshot>> owned = store.get(StorageRecords.SNAPSHOTS,
                new RecordKey(account, region, snapshotId));
        if (owned.isPresent()) {
            return owned.get();
        }
        if (findVisible(account, region, snapshotId).isPresent()) {
            throw Ec2Error.AUTH_FAILURE.exception("You do not have permission to access the snapshot " + snapshotId
                    + " because you do not own it.");
        }
        throw notFound(List.of(snapshotId));
    }

    /** InvalidSnapshot.NotFound in EC2's words, which end with a full stop. */
    static RuntimeException notFound(List<String> ids) {
        return Ec2Error.SNAPSHOT_ID_NOT_FOUND.exception(ids.size() == 1 ? "The snapshot '" + ids.get(0)
                + "' does not exist." : "The snapshots '" + String.join(", ", ids) + "' do not exist.");
    }

    /** Adds the puts and deletes that make the grant index match {@code after} (null: the snapshot is gone). */
    static void regrant(WriteBatch batch, Snapshot before, Snapshot after) {
        Grants.regrant(batch, StorageRecords.SNAPSHOT_GRANTS, before.region(), before.id(),
                before.createVolumePermissions(), after == null ? Permissions.PRIVATE : after.createVolumePermissions(),
                () -> new SnapshotGrant(before.id(), before.ownerId()));
    }

    private Optional<Snapshot> shared(SnapshotGrant grant, String region) {
        return store.get(StorageRecords.SNAPSHOTS, new RecordKey(grant.ownerId(), region, grant.snapshotId()))
                .map(Versioned::value);
    }
}
