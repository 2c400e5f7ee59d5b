package dev.gureum.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volume files are exactly the volume's size, sparse, idempotent to create, gone when deleted. */
class SparseFileBlockStoreTest {
    private static final long EIGHT_GIB = 8L << 30;

    @TempDir
    Path data;

    @Test
    void aVolumeFileHasTheVolumesSizeAndTakesNoSpaceUntilWritten() throws IOException {
        SparseFileBlockStore blocks = new SparseFileBlockStore(data);
        blocks.create("000000000000", "us-east-1", "vol-0123456789abcdef0", EIGHT_GIB);
        blocks.create("000000000000", "us-east-1", "vol-0123456789abcdef0", EIGHT_GIB);
        Path file = blocks.file("000000000000", "us-east-1", "vol-0123456789abcdef0");
        assertEquals(EIGHT_GIB, blocks.size("000000000000", "us-east-1", "vol-0123456789abcdef0"));
        assertEquals(EIGHT_GIB, Files.size(file));
        long allocated = allocatedBytes(file);
        assertTrue(allocated < (1L << 20), "sparse: " + allocated + " bytes allocated");

        blocks.delete("000000000000", "us-east-1", "vol-0123456789abcdef0");
        assertFalse(Files.exists(file));
        assertEquals(-1, blocks.size("000000000000", "us-east-1", "vol-0123456789abcdef0"));
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

    @Test
    void namesCannotEscapeTheDataDirectory() {
        SparseFileBlockStore blocks = new SparseFileBlockStore(data);
        assertThrows(IllegalArgumentException.class, () -> blocks.file("000000000000", "..", "vol-1"));
        assertThrows(IllegalArgumentException.class, () -> blocks.file("000000000000", "us-east-1", "../x"));
    }
}
