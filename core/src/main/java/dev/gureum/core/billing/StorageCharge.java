package dev.gureum.core.billing;

import dev.gureum.core.storage.VolumeType;
import java.util.Arrays;
import java.util.Optional;

/**
 * What storage.tsv prices, each with the unit AWS bills it in. gp3 charges IOPS and throughput only above its
 * free baseline (3,000 IOPS, 125 MiB/s); io2 charges its IOPS in three tiers (up to 32,000, 32,001 to 64,000,
 * above 64,000); magnetic ("standard") volumes also charge their I/O requests.
 */
public enum StorageCharge {
    VOLUME_GP2("volume.gp2", "GB-month"),
    VOLUME_GP3("volume.gp3", "GB-month"),
    VOLUME_IO1("volume.io1", "GB-month"),
    VOLUME_IO2("volume.io2", "GB-month"),
    VOLUME_ST1("volume.st1", "GB-month"),
    VOLUME_SC1("volume.sc1", "GB-month"),
    VOLUME_STANDARD("volume.standard", "GB-month"),
    GP3_IOPS("gp3.iops", "IOPS-month"),
    GP3_THROUGHPUT("gp3.throughput", "GiBps-month"),
    IO1_IOPS("io1.iops", "IOPS-month"),
    IO2_IOPS_UP_TO_32000("io2.iops.1", "IOPS-month"),
    IO2_IOPS_UP_TO_64000("io2.iops.2", "IOPS-month"),
    IO2_IOPS_ABOVE_64000("io2.iops.3", "IOPS-month"),
    STANDARD_IO("standard.io", "million-requests"),
    SNAPSHOT_STANDARD("snapshot.standard", "GB-month"),
    SNAPSHOT_ARCHIVE("snapshot.archive", "GB-month"),
    PUBLIC_IPV4("ipv4.public", "address-hour");

    private final String key;
    private final String unit;

    StorageCharge(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The name in storage.tsv's charge column. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    static Optional<StorageCharge> fromKey(String key) {
        return Arrays.stream(values()).filter(charge -> charge.key.equals(key)).findFirst();
    }

    /** The GB-month charge of a volume type. */
    public static StorageCharge volume(VolumeType type) {
        return switch (type) {
            case GP2 -> VOLUME_GP2;
            case GP3 -> VOLUME_GP3;
            case IO1 -> VOLUME_IO1;
            case IO2 -> VOLUME_IO2;
            case ST1 -> VOLUME_ST1;
            case SC1 -> VOLUME_SC1;
            case STANDARD -> VOLUME_STANDARD;
        };
    }
}
