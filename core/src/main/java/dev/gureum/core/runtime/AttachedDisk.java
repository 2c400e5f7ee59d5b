package dev.gureum.core.runtime;

import dev.gureum.core.storage.Disk;

/**
 * A disk an instance has besides its root filesystem: an EBS volume at the device name EC2 shows
 * ({@code /dev/sdf}, {@code /dev/xvdf}…) or an instance-store disk by its virtual name ({@code ephemeral0}),
 * with the bytes that back it and its size. The runtime decides how it appears inside the instance.
 */
public record AttachedDisk(String device, Disk disk, long sizeBytes) {

    public boolean instanceStore() {
        return disk.kind() == Disk.Kind.INSTANCE_STORE;
    }
}
