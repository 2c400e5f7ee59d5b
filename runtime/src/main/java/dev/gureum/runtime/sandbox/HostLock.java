package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One sandbox runtime a host: the simulated internet's namespace, the public address pool and the host routes are
 * the host's, not a data directory's, so a second server would take them from the first and both would break in
 * silence. The first holds an exclusive lock on {@value #PATH} while it runs (the kernel lets it go if the process
 * dies); a second is refused at start, naming the first.
 */
final class HostLock implements AutoCloseable {
    static final String PATH = "/run/gureum/sandbox.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, for the server of {@code dataDirectory}; refused while another server holds it. */
    static HostLock acquire(Path dataDirectory) {
        Path file = Path.of(PATH);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new SandboxException("another Gureum server runs the sandbox runtime on this host (" + owner
                        + "); only one can, since instances share the host's network; stop it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", data directory "
                    + dataDirectory.toAbsolutePath().normalize()).getBytes(StandardCharsets.UTF_8)), 0);
            return new HostLock(file, channel, lock);
        } catch (IOException e) {
            throw new SandboxException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the lock file, lets the lock go, and removes its directory when nothing else is left in it. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
            Files.deleteIfExists(file.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException anotherGureum) {
            // another server's crun state, or one starting now
        } catch (IOException e) {
            throw new SandboxException("cannot release " + file + ": " + e.getMessage(), e);
        }
    }
}
