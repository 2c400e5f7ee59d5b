package dev.gureum.core.storage;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Instance storage: the disks of an instance type that has some ({@code ephemeral0}, {@code ephemeral1}, …),
 * made empty when the instance starts on a host and thrown away when it stops, hibernates or terminates,
 * so nothing written there survives, as the seed says of instance store. Sparse, so an unused 1.9 TB disk
 * takes no space.
 */
public final class InstanceStoreDisks {
    private static final Logger LOG = Logger.getLogger(InstanceStoreDisks.class.getName());
    private static final long GIGABYTE = 1_000_000_000L;

    private final BlockStore blocks;

    public InstanceStoreDisks(BlockStore blocks) {
        this.blocks = blocks;
    }

    /** Empty disks for an instance that starts; what an earlier run left is thrown away first. */
    public void prepare(String account, String region, String instanceId, int disks, long diskSizeGigabytes) {
        for (int index = 0; index < disks; index++) {
            Disk disk = disk(account, region, instanceId, index);
            try {
                blocks.delete(disk);
                blocks.create(disk, diskSizeGigabytes * GIGABYTE);
            } catch (IOException e) {
                LOG.warning("instance " + instanceId + " gets no " + virtualName(index) + ": " + e.getMessage());
            }
        }
    }

    /** Throws the disks of an instance away (it stopped, hibernated or terminated). */
    public void wipe(String account, String region, String instanceId, int disks) {
        for (int index = 0; index < disks; index++) {
            try {
                blocks.delete(disk(account, region, instanceId, index));
            } catch (IOException e) {
                LOG.warning("instance " + instanceId + " could not wipe " + virtualName(index) + ": " + e.getMessage());
            }
        }
    }

    /** The disk behind an instance's {@code ephemeral<index>}. */
    public static Disk disk(String account, String region, String instanceId, int index) {
        return Disk.instanceStore(account, region, instanceId, virtualName(index));
    }

    public static String virtualName(int index) {
        return "ephemeral" + index;
    }
}
