package dev.gureum.core.storage;

import java.io.IOException;

/**
 * Where disks keep their bytes: one backing store per {@link Disk}, exactly the disk's size, reading as
 * zeros until written. Failures (a full disk, an I/O error) are thrown, never half-applied, so the
 * control plane can answer an AWS error and keep its records consistent.
 */
public interface BlockStore {

    /** Makes a zeroed store of {@code sizeBytes} for the disk; one already of that size is kept as it is. */
    void create(Disk disk, long sizeBytes) throws IOException;

    /**
     * Makes {@code to} a durable point-in-time copy of {@code from}'s bytes, grown to {@code sizeBytes}
     * (never smaller than the source). When {@code from} has no bytes (a public image's snapshot, whose
     * bytes Gureum does not hold), {@code to} reads as zeros.
     */
    void copy(Disk from, Disk to, long sizeBytes) throws IOException;

    /** Grows the disk's store to {@code sizeBytes}; what was written stays, the new part reads as zeros. */
    void grow(Disk disk, long sizeBytes) throws IOException;

    /** Frees the disk's bytes; a disk that has none is not an error. */
    void delete(Disk disk) throws IOException;

    /** The bytes kept for the disk (its apparent size), or -1 when it has none. */
    long size(Disk disk) throws IOException;
}
