package dev.gureum.core.storage;

import java.io.IOException;

/**
 * Where volumes keep their bytes: one backing store per volume, exactly the volume's size, reading as
 * zeros until written. Failures (a full disk, an I/O error) are thrown, never half-applied, so the
 * control plane can answer an AWS error and keep its records consistent.
 */
public interface BlockStore {

    /** Makes a zeroed store of {@code sizeBytes} for the volume. */
    void create(String account, String region, String volumeId, long sizeBytes) throws IOException;

    /** Grows the volume's store to {@code sizeBytes}; what was written stays, the new part reads as zeros. */
    void grow(String account, String region, String volumeId, long sizeBytes) throws IOException;

    /** Frees the volume's bytes; a volume that has none is not an error. */
    void delete(String account, String region, String volumeId) throws IOException;

    /** The bytes kept for the volume (its apparent size), or -1 when it has none. */
    long size(String account, String region, String volumeId) throws IOException;
}
