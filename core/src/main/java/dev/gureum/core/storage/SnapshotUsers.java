package dev.gureum.core.storage;

import java.util.Optional;

/** Who keeps a snapshot from being deleted: a registered image of its owner whose mappings name it. */
@FunctionalInterface
public interface SnapshotUsers {

    /** The id of an image of {@code account} in {@code region} that uses the snapshot, if any. */
    Optional<String> imageUsing(String account, String region, String snapshotId);
}
