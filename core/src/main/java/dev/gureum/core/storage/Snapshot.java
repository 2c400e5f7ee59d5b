package dev.gureum.core.storage;

import dev.gureum.core.share.Permissions;
import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.List;

/**
 * An EBS snapshot: a point-in-time copy of a volume's bytes (kept by the {@link BlockStore} as the
 * snapshot's own {@link Disk}), the size of the volume it was taken from, who may create volumes from it,
 * and its state. {@code ownerAlias} is "amazon" for the snapshots behind public catalog images, whose bytes
 * Gureum does not hold (volumes made from them read as zeros); null for accounts' snapshots.
 */
public record Snapshot(
        String id,
        String ownerId,
        String ownerAlias,
        String region,
        String volumeId,
        int volumeSizeGiB,
        String description,
        Instant startTime,
        SnapshotState state,
        boolean encrypted,
        String kmsKeyId,
        Permissions createVolumePermissions,
        List<Tag> tags) {

    /** The volume id EC2 reports for snapshots not taken from a volume of the caller's (copies, public ones). */
    public static final String NO_VOLUME = "vol-ffffffff";

    public Snapshot {
        createVolumePermissions = createVolumePermissions == null ? Permissions.PRIVATE : createVolumePermissions;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Where the snapshot's bytes are kept. */
    public Disk disk() {
        return Disk.snapshot(ownerId, region, id);
    }

    public long volumeSizeBytes() {
        return (long) volumeSizeGiB << 30;
    }

    public boolean isOwnedBy(String account) {
        return ownerId.equals(account);
    }

    /** Whether {@code account} may see the snapshot and create volumes from it. */
    public boolean isVisibleTo(String account) {
        return isOwnedBy(account) || createVolumePermissions.allows(account);
    }

    /** DescribeSnapshots' progress: how much of the copy is done. */
    public String progress() {
        return state == SnapshotState.COMPLETED ? "100%" : "0%";
    }

    public Snapshot withState(SnapshotState newState) {
        return new Snapshot(id, ownerId, ownerAlias, region, volumeId, volumeSizeGiB, description, startTime, newState,
                encrypted, kmsKeyId, createVolumePermissions, tags);
    }

    public Snapshot withCreateVolumePermissions(Permissions newPermissions) {
        return new Snapshot(id, ownerId, ownerAlias, region, volumeId, volumeSizeGiB, description, startTime, state,
                encrypted, kmsKeyId, newPermissions, tags);
    }

    public Snapshot withTags(List<Tag> newTags) {
        return new Snapshot(id, ownerId, ownerAlias, region, volumeId, volumeSizeGiB, description, startTime, state,
                encrypted, kmsKeyId, createVolumePermissions, newTags);
    }
}
