package dev.gureum.core.storage;

/**
 * One set of bytes the {@link BlockStore} keeps: an EBS volume, a snapshot's point-in-time copy, or one
 * instance-store disk of an instance. Named by the account and region that own it and an id-like name.
 */
public record Disk(Kind kind, String account, String region, String name) {

    /** What a disk is for; each kind is kept apart from the others. */
    public enum Kind {
        VOLUME("volumes"), SNAPSHOT("snapshots"), INSTANCE_STORE("instance-store");

        private final String directory;

        Kind(String directory) {
            this.directory = directory;
        }

        /** The folder name a file-backed store keeps this kind in. */
        public String directory() {
            return directory;
        }
    }

    public static Disk volume(String account, String region, String volumeId) {
        return new Disk(Kind.VOLUME, account, region, volumeId);
    }

    public static Disk snapshot(String account, String region, String snapshotId) {
        return new Disk(Kind.SNAPSHOT, account, region, snapshotId);
    }

    /** The instance's instance-store disk of that virtual name ({@code ephemeral0}, …). */
    public static Disk instanceStore(String account, String region, String instanceId, String virtualName) {
        return new Disk(Kind.INSTANCE_STORE, account, region, instanceId + "-" + virtualName);
    }
}
