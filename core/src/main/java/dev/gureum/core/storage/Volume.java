package dev.gureum.core.storage;

import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.List;

/**
 * An EBS volume: where it lives (its availability zone), what it is (type, size, provisioned IOPS and
 * throughput, encryption), where it came from (a snapshot, if any) and its state. Its bytes are kept by
 * the {@link BlockStore}, one backing file per volume, of exactly the volume's size. {@code autoEnableIO}
 * is the attribute that lets I/O resume by itself after EBS suspected the data of being inconsistent.
 */
public record Volume(
        String id,
        String ownerId,
        String region,
        String availabilityZone,
        int sizeGiB,
        VolumeType type,
        Integer iops,
        Integer throughput,
        boolean encrypted,
        String kmsKeyId,
        String snapshotId,
        boolean multiAttachEnabled,
        Instant createTime,
        VolumeState state,
        List<VolumeAttachment> attachments,
        List<Tag> tags,
        boolean autoEnableIO) {

    public Volume {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Where the volume's bytes are kept. */
    public Disk disk() {
        return Disk.volume(ownerId, region, id);
    }

    public long sizeBytes() {
        return (long) sizeGiB << 30;
    }

    /** The instances the volume is attached to (several only for Multi-Attach). */
    public List<String> attachedInstanceIds() {
        if (attachments.size() == 1) {
            return List.of(attachments.get(0).instanceId());
        }
        List<String> ids = new java.util.ArrayList<>(attachments.size());
        for (VolumeAttachment attachment : attachments) {
            ids.add(attachment.instanceId());
        }
        return ids;
    }

    public Volume withState(VolumeState newState) {
        return new Volume(id, ownerId, region, availabilityZone, sizeGiB, type, iops, throughput, encrypted, kmsKeyId,
                snapshotId, multiAttachEnabled, createTime, newState, attachments, tags, autoEnableIO);
    }

    /** The volume with these attachments: {@code in-use} while it has any, {@code available} once it has none. */
    public Volume withAttachments(List<VolumeAttachment> newAttachments) {
        return new Volume(id, ownerId, region, availabilityZone, sizeGiB, type, iops, throughput, encrypted, kmsKeyId,
                snapshotId, multiAttachEnabled, createTime,
                newAttachments.isEmpty() ? VolumeState.AVAILABLE : VolumeState.IN_USE, newAttachments, tags,
                autoEnableIO);
    }

    /** The volume in the shape a modification gives it. */
    public Volume reshaped(int newSize, VolumeType newType, Integer newIops, Integer newThroughput, boolean multiAttach) {
        return new Volume(id, ownerId, region, availabilityZone, newSize, newType, newIops, newThroughput, encrypted,
                kmsKeyId, snapshotId, multiAttach, createTime, state, attachments, tags, autoEnableIO);
    }

    public Volume withAutoEnableIO(boolean newAutoEnableIO) {
        return new Volume(id, ownerId, region, availabilityZone, sizeGiB, type, iops, throughput, encrypted, kmsKeyId,
                snapshotId, multiAttachEnabled, createTime, state, attachments, tags, newAutoEnableIO);
    }

    public Volume withTags(List<Tag> newTags) {
        return new Volume(id, ownerId, region, availabilityZone, sizeGiB, type, iops, throughput, encrypted, kmsKeyId,
                snapshotId, multiAttachEnabled, createTime, state, attachments, newTags, autoEnableIO);
    }
}
