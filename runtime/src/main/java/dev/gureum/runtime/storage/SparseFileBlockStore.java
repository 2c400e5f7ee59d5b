package dev.gureum.runtime.storage;

import dev.gureum.core.storage.BlockStore;
import dev.gureum.core.storage.Disk;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Disks as sparse files under {@code <data directory>/<kind>/<account>/<region>/<name>.img} (kinds:
 * volumes, snapshots, instance-store), each exactly its disk's size: unwritten blocks read as zeros and
 * take no disk space. A file is made under a temporary name and moved into place, so a crash never leaves
 * a disk with a file of the wrong size or half its copied bytes. A copy of a disk that has no file (a public
 * image's snapshot, whose bytes Gureum does not hold) has none either: it reads as zeros all the same, and
 * launching from a catalog image makes no file per instance. A file shorter than its disk (a guest that
 * wrote to a disk without one) reads as zeros past its end and is grown when copied. Copies are made by {@code cp}
 * with {@code --reflink=auto --sparse=always}: a shared-extent clone where the filesystem can (btrfs, XFS),
 * otherwise a copy that skips holes and keeps runs of zeros sparse.
 */
public final class SparseFileBlockStore implements BlockStore {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private final Path root;

    public SparseFileBlockStore(Path dataDirectory) {
        this.root = dataDirectory;
    }

    @Override
    public void create(Disk disk, long sizeBytes) throws IOException {
        Path file = file(disk);
        if (Files.exists(file) && Files.size(file) <= sizeBytes) {
            grow(disk, sizeBytes);
            return;
        }
        Files.createDirectories(file.getParent());
        Path temporary = temporary(file);
        try (RandomAccessFile sparse = new RandomAccessFile(temporary.toFile(), "rw")) {
            sparse.setLength(sizeBytes);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void copy(Disk from, Disk to, long sizeBytes) throws IOException {
        Path source = file(from);
        if (!Files.exists(source)) {
            delete(to);
            return;
        }
        Path target = file(to);
        Files.createDirectories(target.getParent());
        Path temporary = temporary(target);
        try {
            cp(source, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                if (channel.size() < sizeBytes) {
                    try (RandomAccessFile sparse = new RandomAccessFile(temporary.toFile(), "rw")) {
                        sparse.setLength(sizeBytes);
                    }
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void grow(Disk disk, long sizeBytes) throws IOException {
        if (!Files.exists(file(disk))) {
            return;
        }
        try (RandomAccessFile sparse = new RandomAccessFile(file(disk).toFile(), "rw")) {
            if (sparse.length() < sizeBytes) {
                sparse.setLength(sizeBytes);
            }
        }
    }

    @Override
    public void delete(Disk disk) throws IOException {
        Files.deleteIfExists(file(disk));
    }

    @Override
    public long size(Disk disk) throws IOException {
        Path file = file(disk);
        return Files.exists(file) ? Files.size(file) : -1;
    }

    /** The disk's file; the names come from validated ids, and are checked again so no path can escape. */
    public Path file(Disk disk) {
        for (String name : new String[] {disk.account(), disk.region(), disk.name()}) {
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a name a disk file may have: " + name);
            }
        }
        return root.resolve(disk.kind().directory()).resolve(disk.account()).resolve(disk.region())
                .resolve(disk.name() + ".img");
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    /** The file's allocated blocks (stat's %b, in units of %B bytes), which Java's file attributes do not show. */
    @Override
    public long storedBytes(Disk disk) throws IOException {
        Path file = file(disk);
        if (!Files.exists(file)) {
            return 0;
        }
        String[] blocks = run("measuring", file, "stat", "--format=%b %B", "--", file.toString()).split(" ");
        return Long.parseLong(blocks[0]) * Long.parseLong(blocks[1]);
    }

    private static void cp(Path source, Path target) throws IOException {
        run("copying", source, "cp", "--reflink=auto", "--sparse=always", "--", source.toString(), target.toString());
    }

    /** Runs a command about {@code file} and answers its output, or throws with it when the command fails. */
    private static String run(String doing, Path file, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(doing + " " + file.getFileName() + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + doing + " " + file.getFileName(), e);
        }
    }
}
