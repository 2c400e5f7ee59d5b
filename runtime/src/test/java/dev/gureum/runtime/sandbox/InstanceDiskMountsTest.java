package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.runtime.AttachedDisk;
import dev.gureum.core.storage.Disk;
import org.junit.jupiter.api.Test;

class InstanceDiskMountsTest {

    private static String name(String device, Disk disk) {
        return InstanceDiskMounts.name(new AttachedDisk(device, disk, 1L << 30));
    }

    @Test
    void anEbsDeviceIsNamedAsAXenKernelNamesItAndInstanceStoreByItsVirtualName() {
        Disk volume = Disk.volume("123456789012", "us-east-1", "vol-1");
        assertEquals("xvdf", name("/dev/sdf", volume));
        assertEquals("xvdf", name("/dev/xvdf", volume));
        assertEquals("xvdba", name("/dev/sdba", volume));
        assertEquals("ephemeral0", name("ephemeral0", Disk.instanceStore("123456789012", "us-east-1", "i-1", "ephemeral0")));
    }

    @Test
    void aNameThatCouldLeaveTheMediaDirectoryIsRefused() {
        Disk volume = Disk.volume("123456789012", "us-east-1", "vol-1");
        assertThrows(SandboxException.class, () -> name("/dev/..", volume));
        assertThrows(SandboxException.class, () -> name("/dev/", volume));
    }
}
