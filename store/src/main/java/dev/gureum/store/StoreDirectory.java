package dev.gureum.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code store/} folder of a data directory and the files in it: {@code lock}, held while a process
 * has the store open and holding that process's id; {@code snapshot-N}, the records as of the start of
 * generation N; {@code log-N}, the batches committed since; {@code snapshot-N.tmp}, a snapshot being
 * written. The newest complete snapshot decides the generation; older files are left-overs.
 */
final class StoreDirectory implements AutoCloseable {
    private static final Pattern GENERATION_FILE = Pattern.compile("(snapshot|log)-(\\d{10})(\\.tmp)?");
    /**
     * Folders locked by this process. File locks belong to the process, and closing any other channel on
     * the lock file would release them, so a second open in the same process is refused before that.
     */
    private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel lockChannel;

    private StoreDirectory(Path folder, FileChannel lockChannel) {
        this.folder = folder;
        this.lockChannel = lockChannel;
    }

    /** Creates the folder if needed and takes its lock; fails clearly when another store holds it. */
    static StoreDirectory lock(Path dataDirectory) throws IOException {
        Path folder = Files.createDirectories(dataDirectory.resolve("store")).toRealPath();
        if (!LOCKED_HERE.add(folder)) {
            throw new IOException("the data directory " + dataDirectory + " is in use by another store in this process");
        }
        try {
            return new StoreDirectory(folder, lockAgainstOtherProcesses(folder, dataDirectory));
        } catch (IOException e) {
            LOCKED_HERE.remove(folder);
            throw e;
        }
    }

    private static FileChannel lockAgainstOtherProcesses(Path folder, Path dataDirectory) throws IOException {
        Path lockFile = folder.resolve("lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.US_ASCII).strip();
                throw new IOException("the data directory " + dataDirectory + " is in use by another process"
                        + (holder.isEmpty() ? "" : " (process " + holder + ")"));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    Path log(long generation) {
        return folder.resolve("log-" + digits(generation));
    }

    Path snapshot(long generation) {
        return folder.resolve("snapshot-" + digits(generation));
    }

    Path temporarySnapshot(long generation) {
        return folder.resolve("snapshot-" + digits(generation) + ".tmp");
    }

    /** The generation of the newest complete snapshot, or 0 when there is none. */
    long currentGeneration() throws IOException {
        long newest = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher name = GENERATION_FILE.matcher(file.getFileName().toString());
                if (name.matches() && name.group(1).equals("snapshot") && name.group(3) == null) {
                    newest = Math.max(newest, Long.parseLong(name.group(2)));
                }
            }
        }
        return newest;
    }

    /** Deletes every snapshot and log file that does not belong to the given generation. */
    void removeAllBut(long generation) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher name = GENERATION_FILE.matcher(file.getFileName().toString());
                if (name.matches() && (Long.parseLong(name.group(2)) != generation || name.group(3) != null)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Forces the folder's entries (created, renamed and deleted names) to disk. */
    void sync() throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lockChannel.close();
        } finally {
            LOCKED_HERE.remove(folder);
        }
    }

    private static String digits(long generation) {
        return String.format("%010d", generation);
    }
}
