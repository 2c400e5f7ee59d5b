package dev.gureum.core.storage;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A block store for unit tests: it keeps only each disk's size, and can be told to refuse like a full disk. */
public final class MemoryBlockStore implements BlockStore {
    private final Map<Disk, Long> sizes = new ConcurrentHashMap<>();
    private volatile boolean full;

    /** From now on every disk that would need space is refused, as by a full disk. */
    public void fill() {
        full = true;
    }

    public boolean holds(Disk disk) {
        return sizes.containsKey(disk);
    }

    public int diskCount() {
        return sizes.size();
    }

    @Override
    public void create(Disk disk, long sizeBytes) throws IOException {
        refuseWhenFull();
        sizes.put(disk, sizeBytes);
    }

    @Override
    public void copy(Disk from, Disk to, long sizeBytes) throws IOException {
        refuseWhenFull();
        Long source = sizes.get(from);
        if (source == null) {
            sizes.remove(to);
        } else {
            sizes.put(to, Math.max(sizeBytes, source));
        }
    }

    @Override
    public void grow(Disk disk, long sizeBytes) throws IOException {
        refuseWhenFull();
        sizes.computeIfPresent(disk, (unused, size) -> Math.max(size, sizeBytes));
    }

    @Override
    public void delete(Disk disk) {
        sizes.remove(disk);
    }

    /** Memory holds no holes: a disk takes its whole size. */
    @Override
    public long storedBytes(Disk disk) {
        return Math.max(0, size(disk));
    }

    @Override
    public long size(Disk disk) {
        return sizes.getOrDefault(disk, -1L);
    }

    private void refuseWhenFull() throws IOException {
        if (full) {
            throw new IOException("No space left on device");
        }
    }
}
