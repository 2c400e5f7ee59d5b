package dev.gureum.core.runtime;

/**
 * What a runtime needs to bring an instance up: its type's size, the image's root filesystem, the
 * public key to install, the user data to run at boot and where its network interface sits ({@code network}
 * is null for an instance recorded without one). Nothing about the store or EC2 state.
 */
public record LaunchSpec(InstanceRef instance, String instanceType, int vcpus, long memoryMebibytes,
                         String imageId, String rootFilesystem, String publicKey, byte[] userData,
                         NetworkPlacement network) {
}
