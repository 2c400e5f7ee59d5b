package dev.gureum.core.storage;

/**
 * An index entry saying "snapshot {@code snapshotId} of {@code ownerId} may be used by the account this
 * record is filed under" (or by everyone, filed under {@link dev.gureum.core.share.Grants#EVERYONE}).
 */
public record SnapshotGrant(String snapshotId, String ownerId) {
}
