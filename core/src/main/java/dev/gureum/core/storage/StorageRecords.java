package dev.gureum.core.storage;

import dev.gureum.core.store.RecordKind;

/** Where storage records live in the store. The names are persisted: never change them. */
public final class StorageRecords {
    public static final RecordKind<Volume> VOLUMES = RecordKind.of("volume", Volume.class);
    /** The latest modification of each volume (id: the volume's). */
    public static final RecordKind<VolumeModification> MODIFICATIONS =
            RecordKind.of("volume-modification", VolumeModification.class);

    private StorageRecords() {
    }
}
