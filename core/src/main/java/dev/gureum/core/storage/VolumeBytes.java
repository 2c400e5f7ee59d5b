package dev.gureum.core.storage;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The bytes behind volumes, kept in step with their records: made after a volume is recorded
 * {@code creating} (then {@code available}, or {@code error} when the disk refuses, as EBS reports a failed
 * creation), or before a launch records its volumes; freed after a volume is recorded {@code deleting}, then
 * the record goes. A volume caught between two steps by a crash is finished by {@link #reconcile()}.
 */
public final class VolumeBytes {
    private static final Logger LOG = Logger.getLogger(VolumeBytes.class.getName());

    private final Store store;
    private final BlockStore blocks;
    private final SnapshotDirectory snapshots;

    public VolumeBytes(Store store, BlockStore blocks, SnapshotDirectory snapshots) {
        this.store = store;
        this.blocks = blocks;
        this.snapshots = snapshots;
    }

    /** Whether the volume's bytes can be read and written: all there, or none kept yet (zeros). */
    boolean ioEnabled(Volume volume) {
        try {
            long kept = blocks.size(volume.disk());
            return volume.state() != VolumeState.ERROR && (kept == -1 || kept <= volume.sizeBytes());
        } catch (IOException e) {
            return false;
        }
    }

    /** For the admin reset, before the store is wiped: frees every volume's bytes. */
    public void discardAll() {
        for (Versioned<Volume> versioned : store.listAll(StorageRecords.VOLUMES)) {
            Volume volume = versioned.value();
            try {
                blocks.delete(volume.disk());
            } catch (IOException e) {
                LOG.warning("volume " + volume.id() + " could not free its bytes: " + e.getMessage());
            }
        }
    }

    /** After a restart: finishes creations and deletions a crash interrupted. */
    public void reconcile() {
        for (Versioned<Volume> versioned : store.listAll(StorageRecords.VOLUMES)) {
            switch (versioned.value().state()) {
                case CREATING -> finishCreating(versioned.value());
                case DELETING -> finishDeleting(versioned.value());
                case AVAILABLE, IN_USE, DELETED, ERROR -> {
                    // settled
                }
            }
        }
    }

    void finishCreating(Volume volume) {
        VolumeState settled;
        try {
            makeBytes(volume);
            settled = VolumeState.AVAILABLE;
        } catch (IOException e) {
            LOG.warning("volume " + volume.id() + " could not get its " + volume.sizeGiB() + " GiB: " + e.getMessage());
            settled = VolumeState.ERROR;
        }
        RecordKey key = new RecordKey(volume.ownerId(), volume.region(), volume.id());
        VolumeState state = settled;
        store.get(StorageRecords.VOLUMES, key).filter(current -> current.value().state() == VolumeState.CREATING)
                .ifPresent(current -> store.apply(new WriteBatch().put(StorageRecords.VOLUMES, key, current.version(),
                        current.value().withState(state))));
    }

    /**
     * The bytes of volumes about to be recorded with their instances, made before the records so a full or
     * failing disk refuses the launch (InsufficientVolumeCapacity) instead of recording volumes without bytes.
     * All are made or none are left behind. A new volume copied from a snapshot without bytes (a public image's)
     * has none either, and as it was never recorded there are none to remove: the snapshot is asked once per
     * launch instead of the disk once per volume.
     */
    public void makeBytesBeforeRecording(List<Volume> volumes) {
        List<Volume> made = new ArrayList<>(volumes.size());
        Map<SnapshotSeen, Boolean> snapshotsWithoutBytes = new HashMap<>();
        for (Volume volume : volumes) {
            try {
                if (volume.snapshotId() != null && withoutBytes(volume, snapshotsWithoutBytes)) {
                    continue;
                }
                makeBytes(volume);
                made.add(volume);
            } catch (IOException e) {
                freeBytes(made);
                throw Ec2Error.INSUFFICIENT_VOLUME_CAPACITY.exception("There is not enough capacity to fulfill your"
                        + " EBS volume provision request (" + e.getMessage() + ").");
            }
        }
    }

    /** Frees the bytes of volumes that were never recorded (a launch that lost a race after making them). */
    public void freeBytes(List<Volume> volumes) {
        for (Volume volume : volumes) {
            try {
                blocks.delete(volume.disk());
            } catch (IOException e) {
                LOG.warning("volume " + volume.id() + " could not free its bytes: " + e.getMessage());
            }
        }
    }

    /** A snapshot as one account sees it in one region. */
    private record SnapshotSeen(String account, String region, String snapshotId) {
    }

    /** Whether the volume's snapshot is visible to it and holds no bytes; the answer is kept in {@code known}. */
    private boolean withoutBytes(Volume volume, Map<SnapshotSeen, Boolean> known) throws IOException {
        SnapshotSeen seen = new SnapshotSeen(volume.ownerId(), volume.region(), volume.snapshotId());
        Boolean answer = known.get(seen);
        if (answer == null) {
            Optional<Snapshot> snapshot = snapshots.findVisible(seen.account(), seen.region(), seen.snapshotId());
            answer = snapshot.isPresent() && blocks.size(snapshot.get().disk()) == -1;
            known.put(seen, answer);
        }
        return answer;
    }

    /** A new volume's bytes: a copy of its snapshot's, or zeros. */
    private void makeBytes(Volume volume) throws IOException {
        if (volume.snapshotId() == null) {
            blocks.create(volume.disk(), volume.sizeBytes());
            return;
        }
        Snapshot snapshot = snapshots.findVisible(volume.ownerId(), volume.region(), volume.snapshotId())
                .orElseThrow(() -> new IOException("snapshot " + volume.snapshotId() + " is gone"));
        blocks.copy(snapshot.disk(), volume.disk(), volume.sizeBytes());
    }

    /** Frees the bytes of volumes recorded as deleting, then forgets them. */
    public void finishDeleting(List<Volume> volumes) {
        volumes.forEach(this::finishDeleting);
    }

    private void finishDeleting(Volume volume) {
        try {
            blocks.delete(volume.disk());
        } catch (IOException e) {
            LOG.warning("volume " + volume.id() + " could not free its bytes yet: " + e.getMessage());
            return;
        }
        RecordKey key = new RecordKey(volume.ownerId(), volume.region(), volume.id());
        store.get(StorageRecords.VOLUMES, key).ifPresent(current -> store.apply(
                new WriteBatch().delete(StorageRecords.VOLUMES, key, current.version())));
    }
}
