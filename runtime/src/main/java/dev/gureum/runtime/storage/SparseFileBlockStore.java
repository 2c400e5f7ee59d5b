package dev.gureum.runtime.storage;

import dev.gureum.core.storage.BlockStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Volumes as sparse files under {@code <data directory>/volumes/<account>/<region>/<volume id>.img}, each
 * exactly its volume's size: unwritten blocks read as zeros and take no disk space. A file is made under a
 * temporary name and moved into place, so a crash never leaves a volume with a file of the wrong size.
 */
public final class SparseFileBlockStore implements BlockStore {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private final Path root;

    public SparseFileBlockStore(Path dataDirectory) {
        this.root = dataDirectory.resolve("volumes");
    }

    @Override
    public void create(String account, String region, String volumeId, long sizeBytes) throws IOException {
        Path file = file(account, region, volumeId);
        if (Files.exists(file) && Files.size(file) == sizeBytes) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(volumeId + ".creating");
        try (RandomAccessFile sparse = new RandomAccessFile(temporary.toFile(), "rw")) {
            sparse.setLength(sizeBytes);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void grow(String account, String region, String volumeId, long sizeBytes) throws IOException {
        try (RandomAccessFile sparse = new RandomAccessFile(file(account, region, volumeId).toFile(), "rw")) {
            if (sparse.length() < sizeBytes) {
                sparse.setLength(sizeBytes);
            }
        }
    }

    @Override
    public void delete(String account, String region, String volumeId) throws IOException {
        Files.deleteIfExists(file(account, region, volumeId));
    }

    @Override
    public long size(String account, String region, String volumeId) throws IOException {
        Path file = file(account, region, volumeId);
        return Files.exists(file) ? Files.size(file) : -1;
    }

    /** The volume's file; the names come from validated ids, and are checked again so no path can escape. */
    Path file(String account, String region, String volumeId) {
        for (String name : new String[] {account, region, volumeId}) {
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a name a volume file may have: " + name);
            }
        }
        return root.resolve(account).resolve(region).resolve(volumeId + ".img");
    }
}
