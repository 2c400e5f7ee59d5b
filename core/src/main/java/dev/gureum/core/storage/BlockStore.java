package dev.gureum.core.storage;

import java.io.IOException;

/**
 * Where disks keep their bytes: one backing store per {@link Disk}, reading as zeros until written. A disk
 * may have no store at all (a copy of a disk without bytes), or one shorter than the disk (written by a
 * guest that found none): both read as zeros where nothing was written. Failures (a full disk, an I/O error) are thrown, never half-applied, so the
 * control plane can answer an AWS error and keep its records consistent.
 */
public interface BlockStore {

    /** Makes a zeroed store of {@code sizeBytes} for the disk; one already there is kept, grown to that size. */
    void create(Disk disk, long sizeBytes) throws IOException;

    /**
     * Makes {@code to} a durable point-in-time copy of {@code from}'s bytes, grown to {@code sizeBytes}
     * (never smaller than the source). When {@code from} has no bytes (a public image's snapshot, whose
     * bytes Gureum does not hold), {@code to} has none either and reads as zeros.
     */
    void copy(Disk from, Disk to, long sizeBytes) throws IOException;

    /**
     * Grows the disk's store to {@code sizeBytes}; what was written stays, the new part reads as zeros. A disk
     * without a store still has none.
     */
    void grow(Disk disk, long sizeBytes) throws IOException;

    /** Frees the disk's bytes; a disk that has none is not an error. */
    void delete(Disk disk) throws IOException;

    /** The bytes of storage the disk really takes (its written blocks, not its holes); 0 when it has none. */
    long storedBytes(Disk disk) throws IOException;

    /** The bytes kept for the disk (its apparent size), or -1 when it has none. */
    long size(Disk disk) throws IOException;
}
