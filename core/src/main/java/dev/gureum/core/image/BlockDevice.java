package dev.gureum.core.image;

/**
 * One block device mapping of an image: an EBS volume made from a snapshot, an instance-store volume
 * ({@code virtualName} such as {@code ephemeral0}), or a suppressed device ({@code noDevice}). Numbers are
 * null where EC2 leaves them out (gp2 has no throughput; instance-store volumes have no size).
 */
public record BlockDevice(String deviceName, String snapshotId, Integer volumeSize, String volumeType,
                          Boolean deleteOnTermination, Boolean encrypted, Integer iops, Integer throughput,
                          String virtualName, boolean noDevice) {

    /** An EBS volume; gp3 gets its baseline 3000 IOPS and 125 MiB/s when none are given, as EC2 reports. */
    public static BlockDevice ebs(String deviceName, String snapshotId, int volumeSize, String volumeType,
                                  boolean deleteOnTermination, boolean encrypted, Integer iops, Integer throughput) {
        boolean gp3 = "gp3".equals(volumeType);
        return new BlockDevice(deviceName, snapshotId, volumeSize, volumeType, deleteOnTermination, encrypted,
                iops == null && gp3 ? Integer.valueOf(3000) : iops,
                throughput == null && gp3 ? Integer.valueOf(125) : throughput, null, false);
    }

    public static BlockDevice instanceStore(String deviceName, String virtualName) {
        return new BlockDevice(deviceName, null, null, null, null, null, null, null, virtualName, false);
    }

    public static BlockDevice suppressed(String deviceName) {
        return new BlockDevice(deviceName, null, null, null, null, null, null, null, null, true);
    }

    public boolean isEbs() {
        return !noDevice && virtualName == null;
    }

    /** The same volume made from another snapshot (CreateImage and CopyImage make new snapshots). */
    public BlockDevice withSnapshot(String newSnapshotId, boolean encryptedCopy) {
        return new BlockDevice(deviceName, newSnapshotId, volumeSize, volumeType, deleteOnTermination,
                encryptedCopy || Boolean.TRUE.equals(encrypted), iops, throughput, virtualName, noDevice);
    }
}
