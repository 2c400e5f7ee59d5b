package dev.gureum.core.storage;

import dev.gureum.core.error.Ec2Error;
import java.util.Locale;

/**
 * The EBS volume types and the limits AWS publishes for them (EBS User Guide, "Amazon EBS volume types";
 * CreateVolume's Size, Iops and Throughput parameters, 2025 limits): sizes in GiB, provisioned IOPS for
 * gp3, io1 and io2 with their IOPS-to-size ratios, throughput for gp3 only. gp2 has no provisioned IOPS; it
 * shows its baseline, 3 IOPS per GiB between 100 and 16,000. st1 and sc1 cannot boot an instance; io1 and
 * io2 may attach to several instances at once.
 */
public enum VolumeType {
    GP2(1, 16_384, false, 0, 0, 0, 0),
    GP3(1, 65_536, false, 3_000, 80_000, 500, 3_000),
    IO1(4, 16_384, true, 100, 64_000, 50, 0),
    IO2(4, 65_536, true, 100, 256_000, 1_000, 0),
    ST1(125, 16_384, false, 0, 0, 0, 0),
    SC1(125, 16_384, false, 0, 0, 0, 0),
    STANDARD(1, 1_024, false, 0, 0, 0, 0);

    /** gp3's throughput: 125 to 2,000 MiB/s, at most 0.25 MiB/s per provisioned IOPS. */
    public static final int GP3_DEFAULT_THROUGHPUT = 125;
    static final int GP3_MAX_THROUGHPUT = 2_000;
    static final double GP3_THROUGHPUT_PER_IOPS = 0.25;

    private final int minimumGiB;
    private final int maximumGiB;
    private final boolean iopsRequired;
    private final int minimumIops;
    private final int maximumIops;
    private final int maximumIopsPerGiB;
    private final int defaultIops;

    VolumeType(int minimumGiB, int maximumGiB, boolean iopsRequired, int minimumIops, int maximumIops,
               int maximumIopsPerGiB, int defaultIops) {
        this.minimumGiB = minimumGiB;
        this.maximumGiB = maximumGiB;
        this.iopsRequired = iopsRequired;
        this.minimumIops = minimumIops;
        this.maximumIops = maximumIops;
        this.maximumIopsPerGiB = maximumIopsPerGiB;
        this.defaultIops = defaultIops;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a caller named (gp2 when none, as EC2 defaults), or {@code InvalidParameterValue}. */
    public static VolumeType fromWireName(String name) {
        if (name == null || name.isEmpty()) {
            return GP2;
        }
        for (VolumeType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + name + ") for parameter volumeType is invalid."
                + " Valid values are: gp2, gp3, io1, io2, st1, sc1, standard.");
    }

    public boolean bootable() {
        return this != ST1 && this != SC1;
    }

    public boolean multiAttachable() {
        return this == IO1 || this == IO2;
    }

    public boolean provisionsIops() {
        return maximumIops > 0;
    }

    public void requireSize(int sizeGiB) {
        if (sizeGiB < minimumGiB || sizeGiB > maximumGiB) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Volume of " + sizeGiB + "GiB is "
                    + (sizeGiB < minimumGiB ? "too small" : "too large") + " for volume type " + wireName()
                    + "; " + (sizeGiB < minimumGiB ? "minimum is " + minimumGiB : "maximum is " + maximumGiB) + "GiB");
        }
    }

    /** The IOPS a volume of this type and size has: the provisioned figure checked, or the type's own. */
    public Integer iops(int sizeGiB, Integer requested) {
        if (!provisionsIops()) {
            if (requested != null) {
                throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("The parameter iops is not supported for "
                        + wireName() + " volumes.");
            }
            return this == GP2 ? Math.max(100, Math.min(16_000, 3 * sizeGiB)) : null;
        }
        if (requested == null) {
            if (iopsRequired) {
                throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("The parameter iops must be specified for "
                        + wireName() + " volumes.");
            }
            return defaultIops;
        }
        if (requested < minimumIops) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Volume iops of " + requested + " is too low; minimum is "
                    + minimumIops + ".");
        }
        if (requested > maximumIops) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Volume iops of " + requested + " is too high; maximum is "
                    + maximumIops + ".");
        }
        if (requested > defaultIops && requested > (long) maximumIopsPerGiB * sizeGiB) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(String.format(Locale.ROOT,
                    "Iops to volume size ratio of %f is too high; maximum is %d", (double) requested / sizeGiB,
                    maximumIopsPerGiB));
        }
        return requested;
    }

    /** The throughput of a gp3 volume (checked against its IOPS); other types take none. */
    public Integer throughput(int iops, Integer requested) {
        if (this != GP3) {
            if (requested != null) {
                throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("throughput can only be specified for"
                        + " volumeType gp3.");
            }
            return null;
        }
        int throughput = requested == null ? GP3_DEFAULT_THROUGHPUT : requested;
        if (throughput < GP3_DEFAULT_THROUGHPUT || throughput > GP3_MAX_THROUGHPUT) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Volume throughput of " + throughput + " is not valid;"
                    + " it must be between " + GP3_DEFAULT_THROUGHPUT + " and " + GP3_MAX_THROUGHPUT + " MiBps.");
        }
        if (throughput > GP3_DEFAULT_THROUGHPUT && throughput > GP3_THROUGHPUT_PER_IOPS * iops) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(String.format(Locale.ROOT,
                    "Throughput (MiBps) to iops ratio of %f is too high; maximum is %f MiBps per iops",
                    (double) throughput / iops, GP3_THROUGHPUT_PER_IOPS));
        }
        return throughput;
    }
}
