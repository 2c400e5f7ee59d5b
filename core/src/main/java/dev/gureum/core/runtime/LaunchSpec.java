package dev.gureum.core.runtime;

import java.util.List;

/**
 * What a runtime needs to bring an instance up: its type's size, the image's root filesystem, the
 * public key to install, the user data to run at boot and where its network interface sits ({@code network}
 * is null for an instance recorded without one) and its disks besides the root (EBS volumes attached when it
 * boots, instance store). Nothing about the store or EC2 state.
 */
public record LaunchSpec(InstanceRef instance, String instanceType, int vcpus, long memoryMebibytes,
                         String imageId, String rootFilesystem, String publicKey, byte[] userData,
                         NetworkPlacement network, List<AttachedDisk> disks) {

    public LaunchSpec {
        disks = disks == null ? List.of() : List.copyOf(disks);
    }

    /** A spec without disks besides the root. */
    public LaunchSpec(InstanceRef instance, String instanceType, int vcpus, long memoryMebibytes, String imageId,
                      String rootFilesystem, String publicKey, byte[] userData, NetworkPlacement network) {
        this(instance, instanceType, vcpus, memoryMebibytes, imageId, rootFilesystem, publicKey, userData, network,
                List.of());
    }

    public LaunchSpec withDisks(List<AttachedDisk> newDisks) {
        return new LaunchSpec(instance, instanceType, vcpus, memoryMebibytes, imageId, rootFilesystem, publicKey,
                userData, network, newDisks);
    }
}
