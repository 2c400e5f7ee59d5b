package dev.gureum.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.storage.Disk;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disk files are exactly the disk's size, sparse, idempotent to create, copied point in time, gone when deleted. */
class SparseFileBlockStoreTest {
    private static final long EIGHT_GIB = 8L << 30;
    private static final Disk VOLUME = Disk.volume("000000000000", "us-east-1", "vol-0123456789abcdef0");
    private static final Disk SNAPSHOT = Disk.snapshot("000000000000", "us-east-1", "snap-0123456789abcdef0");
    private static final Disk RESTORED = Disk.volume("000000000000", "us-east-1", "vol-0fedcba9876543210");

    @TempDir
    Path data;

    @Test
    void aVolumeFileHasTheVolumesSizeAndTakesNoSpaceUntilWritten() throws IOException {
        SparseFileBlockStore blocks = new SparseFileBlockStore(data);
        blocks.create(VOLUME, EIGHT_GIB);
        blocks.create(VOLUME, EIGHT_GIB);
        Path file = blocks.file(VOLUME);
        assertEquals(data.resolve("volumes/000000000000/us-east-1/vol-0123456789abcdef0.img"), file);
        assertEquals(EIGHT_GIB, blocks.size(VOLUME));
        assertEquals(EIGHT_GIB, Files.size(file));
        long allocated = allocatedBytes(file);
        assertTrue(allocated < (1L << 20), "sparse: " + allocated + " bytes allocated");

        blocks.delete(VOLUME);
        assertFalse(Files.exists(file));
        assertEquals(-1, blocks.size(VOLUME));
    }

    @Test
    void aCopyKeepsThePointInTimeBytesStaysSparseAndGrowsToTheAskedSize() throws IOException {
        SparseFileBlockStore blocks = new SparseFileBlockStore(data);
        blocks.create(VOLUME, EIGHT_GIB);
        byte[] written = "bytes written before the snapshot".getBytes(StandardCharsets.UTF_8);
        write(blocks.file(VOLUME), 3L << 30, written);

        blocks.copy(VOLUME, SNAPSHOT, EIGHT_GIB);
        write(blocks.file(VOLUME), 3L << 30, "overwritten later".getBytes(StandardCharsets.UTF_8));
        blocks.copy(SNAPSHOT, RESTORED, 2 * EIGHT_GIB);

        assertEquals(2 * EIGHT_GIB, blocks.size(RESTORED));
        assertArrayEquals(written, read(blocks.file(RESTORED), 3L << 30, written.length));
        assertArrayEquals(new byte[16], read(blocks.file(RESTORED), EIGHT_GIB + 5, 16));
        assertTrue(allocatedBytes(blocks.file(RESTORED)) < (1L << 20), "the restored volume stays sparse");
        assertFalse(Files.exists(blocks.file(RESTORED).resolveSibling("vol-0fedcba9876543210.img.partial")));
    }

    @Test
    void aCopyOfADiskWithoutBytesHasNoneEither() throws IOException {
        SparseFileBlockStore blocks = new SparseFileBlockStore(data);
        blocks.create(RESTORED, EIGHT_GIB);
        blocks.copy(SNAPSHOT, RESTORED, EIGHT_GIB);
        assertEquals(-1, blocks.size(RESTORED));
        assertFalse(Files.exists(blocks.file(RESTORED)));
    }

    @Test
    void storedBytesCountWrittenBlocksNotHoles() throws IOException {
        SparseFileBlockStore blocks = new SparseFileBlockStore(data);
        assertEquals(0, blocks.storedBytes(VOLUME));
        blocks.create(VOLUME, EIGHT_GIB);
        try (RandomAccessFile volume = new RandomAccessFile(blocks.file(VOLUME).toFile(), "rw")) {
            volume.seek(1 << 30);
            volume.write(new byte[1 << 20]);
            volume.seek(1 << 30);
            volume.write(1);
        }
        long stored = blocks.storedBytes(VOLUME);
        assertTrue(stored >= 1 << 20 && stored < 2 << 20, "about the 1 MiB written of 8 GiB: " + stored);
    }

    @Test
    void aShortFileIsGrownAndKeepsWhatWasWritten() throws IOException {
        SparseFileBlockStore blocks = new SparseFileBlockStore(data);
        Path file = blocks.file(VOLUME);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3});
        blocks.create(VOLUME, EIGHT_GIB);
        blocks.copy(VOLUME, SNAPSHOT, EIGHT_GIB);
        assertEquals(List.of(EIGHT_GIB, EIGHT_GIB), List.of(blocks.size(VOLUME), blocks.size(SNAPSHOT)));
        byte[] head = new byte[3];
        try (RandomAccessFile snapshot = new RandomAccessFile(blocks.file(SNAPSHOT).toFile(), "r")) {
            snapshot.readFully(head);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, head);
    }

    @Test
    void namesCannotEscapeTheDataDirectory() {
        SparseFileBlockStore blocks = new SparseFileBlockStore(data);
        assertThrows(IllegalArgumentException.class, () -> blocks.file(Disk.volume("000000000000", "..", "vol-1")));
        assertThrows(IllegalArgumentException.class,
                () -> blocks.file(Disk.volume("000000000000", "us-east-1", "../x")));
    }

    private static void write(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile disk = new RandomAccessFile(file.toFile(), "rw")) {
            disk.seek(offset);
            disk.write(bytes);
        }
    }

    private static byte[] read(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile disk = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[length];
            disk.seek(offset);
            disk.readFully(bytes);
            return bytes;
        }
    }

    /** What the file takes on disk, as stat(1) counts it (512-byte blocks). */
    private static long allocatedBytes(Path file) throws IOException {
        Process stat = new ProcessBuilder("stat", "-c", "%b", file.toString()).start();
        String blocks = new String(stat.getInputStream().readAllBytes()).trim();
        try {
            stat.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Long.parseLong(blocks) * 512;
    }
}
