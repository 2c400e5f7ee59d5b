package dev.gureum.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes the files behind volumes, snapshots and instance store, as a guest would write its disk. */
final class DiskFiles {
    private DiskFiles() {
    }

    /** Writes as a guest would: a disk that has no file yet (it reads as zeros) gets one. */
    static void write(Path file, long offset, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (RandomAccessFile disk = new RandomAccessFile(file.toFile(), "rw")) {
            disk.seek(offset);
            disk.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file, long offset, int length) {
        try (RandomAccessFile disk = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[length];
            disk.seek(offset);
            disk.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
