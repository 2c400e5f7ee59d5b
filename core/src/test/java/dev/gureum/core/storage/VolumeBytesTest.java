package dev.gureum.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.share.Permissions;
import dev.gureum.core.store.FakeStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VolumeBytesTest {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    private static final Snapshot CATALOG = snapshot("snap-0000000000000000a", "amazon");
    private static final Snapshot OWN = snapshot("snap-0000000000000000b", null);

    private final CountingBlockStore blocks = new CountingBlockStore();
    private final VolumeBytes bytes = new VolumeBytes(new FakeStore(),
            blocks, new SnapshotDirectory(new FakeStore(), region -> List.of(CATALOG, OWN)));

    @Test
    void volumesOfASnapshotWithoutBytesGetNoneAndTheDiskIsAskedOncePerLaunch() {
        List<Volume> launched = volumes(CATALOG, 100);

        bytes.makeBytesBeforeRecording(launched);

        assertEquals(0, blocks.diskCount());
        assertEquals(List.of("size " + CATALOG.id()), blocks.calls, "one question for the snapshot, none per volume");
    }

    @Test
    void volumesOfASnapshotWithBytesEachGetTheirCopy() throws IOException {
        blocks.create(OWN.disk(), OWN.volumeSizeBytes());
        List<Volume> launched = volumes(OWN, 3);

        bytes.makeBytesBeforeRecording(launched);

        launched.forEach(volume -> assertTrue(blocks.holds(volume.disk()), volume.id()));
    }

    @Test
    void aSnapshotGoneBeforeTheLaunchRecordsIsRefusedAsBefore() {
        Volume orphan = volumes(snapshot("snap-0000000000000000c", null), 1).get(0);

        CloudException refusal = assertThrows(CloudException.class, () -> bytes.makeBytesBeforeRecording(List.of(orphan)));
        assertEquals("InsufficientVolumeCapacity", refusal.code().code());
        assertFalse(blocks.holds(orphan.disk()));
    }

    private static List<Volume> volumes(Snapshot snapshot, int count) {
        return IntStream.range(0, count).mapToObj(index -> new Volume(String.format("vol-%017x", index + 1), ACCOUNT,
                REGION, "us-east-1a", 8, VolumeType.GP3, 3000, 125, false, null, snapshot.id(), false, NOW,
                VolumeState.CREATING, List.of(), List.of(), false)).toList();
    }

    private static Snapshot snapshot(String id, String alias) {
        return new Snapshot(id, ACCOUNT, alias, REGION, Snapshot.NO_VOLUME, 8, "", NOW, SnapshotState.COMPLETED, false,
                null, Permissions.PRIVATE, List.of());
    }

    /** The memory block store, recording what a launch asks of it. */
    private static final class CountingBlockStore implements BlockStore {
        final MemoryBlockStore disks = new MemoryBlockStore();
        final List<String> calls = new ArrayList<>();

        boolean holds(Disk disk) {
            return disks.holds(disk);
        }

        int diskCount() {
            return disks.diskCount();
        }

        @Override
        public void create(Disk disk, long sizeBytes) throws IOException {
            calls.add("create " + disk.name());
            disks.create(disk, sizeBytes);
        }

        @Override
        public void copy(Disk from, Disk to, long sizeBytes) throws IOException {
            calls.add("copy " + to.name());
            disks.copy(from, to, sizeBytes);
        }

        @Override
        public void grow(Disk disk, long sizeBytes) throws IOException {
            disks.grow(disk, sizeBytes);
        }

        @Override
        public void delete(Disk disk) {
            calls.add("delete " + disk.name());
            disks.delete(disk);
        }

        @Override
        public long storedBytes(Disk disk) {
            return disks.storedBytes(disk);
        }

        @Override
        public long size(Disk disk) {
            calls.add("size " + disk.name());
            return disks.size(disk);
        }
    }
}
