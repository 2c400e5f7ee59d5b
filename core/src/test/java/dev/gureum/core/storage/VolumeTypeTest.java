package dev.gureum.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import org.junit.jupiter.api.Test;

/** Each EBS type's published limits, and EC2's words when a request breaks one. */
class VolumeTypeTest {

    @Test
    void sizesFollowEachType() {
        VolumeType.GP3.requireSize(65_536);
        VolumeType.IO1.requireSize(4);
        assertEquals("Volume of 16385GiB is too large for volume type gp2; maximum is 16384GiB",
                refusal(() -> VolumeType.GP2.requireSize(16_385)).getMessage());
        assertEquals("Volume of 124GiB is too small for volume type st1; minimum is 125GiB",
                refusal(() -> VolumeType.ST1.requireSize(124)).getMessage());
        assertFalse(VolumeType.SC1.bootable());
        assertTrue(VolumeType.IO2.multiAttachable() && !VolumeType.GP3.multiAttachable());
    }

    @Test
    void iopsAreProvisionedWhereTheTypeTakesThem() {
        assertEquals(100, VolumeType.GP2.iops(8, null), "gp2's baseline floor");
        assertEquals(16_000, VolumeType.GP2.iops(10_000, null), "and ceiling");
        assertEquals(3_000, VolumeType.GP3.iops(1, null), "gp3's baseline at any size");
        assertEquals(80_000, VolumeType.GP3.iops(160, 80_000));
        assertNull(VolumeType.ST1.iops(500, null));
        assertEquals("Iops to volume size ratio of 600.000000 is too high; maximum is 500",
                refusal(() -> VolumeType.GP3.iops(10, 6_000)).getMessage());
        assertEquals("The parameter iops must be specified for io1 volumes.",
                refusal(() -> VolumeType.IO1.iops(100, null)).getMessage());
        assertEquals("The parameter iops is not supported for sc1 volumes.",
                refusal(() -> VolumeType.SC1.iops(500, 100)).getMessage());
        assertEquals("Volume iops of 50 is too low; minimum is 100.",
                refusal(() -> VolumeType.IO2.iops(100, 50)).getMessage());
    }

    @Test
    void throughputIsGp3sAndBoundByItsIops() {
        assertEquals(125, VolumeType.GP3.throughput(3_000, null));
        assertEquals(750, VolumeType.GP3.throughput(3_000, 750));
        assertEquals("Throughput (MiBps) to iops ratio of 0.333333 is too high; maximum is 0.250000 MiBps per iops",
                refusal(() -> VolumeType.GP3.throughput(3_000, 1_000)).getMessage());
        assertEquals("throughput can only be specified for volumeType gp3.",
                refusal(() -> VolumeType.IO1.throughput(1_000, 200)).getMessage());
        assertNull(VolumeType.GP2.throughput(300, null));
    }

    private static CloudException refusal(Runnable call) {
        return assertThrows(CloudException.class, call::run);
    }
}
