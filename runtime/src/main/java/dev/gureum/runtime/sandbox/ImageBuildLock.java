package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who may build an image in a directory that several processes share (the image cache): an exclusive lock on
 * {@code <directory>/<name>.lock}, held while one process checks for the image and builds it, so a second
 * server or a {@code gureum image build} waits for the first build instead of starting its own. A file lock
 * belongs to the whole JVM, so threads of one JVM also queue on a lock of their own first.
 */
final class ImageBuildLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private ImageBuildLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other thread or process holds the lock of {@code name} in {@code directory}, then holds it. */
    static ImageBuildLock hold(Path directory, String name) {
        Path file = directory.toAbsolutePath().normalize().resolve(name + ".lock");
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(file, unused -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new ImageBuildLock(local, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw new SandboxException("cannot lock " + file + " to build the " + name + " image: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
        }
    }
}
