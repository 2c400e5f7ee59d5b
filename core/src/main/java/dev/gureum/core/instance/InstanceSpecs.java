package dev.gureum.core.instance;

import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.runtime.NetworkPlacement;

/** Builds what the runtime is told about an instance. */
final class InstanceSpecs {
    private InstanceSpecs() {
    }

    static InstanceRef ref(Instance instance) {
        return new InstanceRef(instance.ownerId(), instance.region(), instance.id());
    }

    /** {@code subnetCidrBlock} is the block of the instance's subnet (null when it has no network). */
    static LaunchSpec of(Instance instance, LaunchCatalog.TypeFacts type, LaunchCatalog.ImageFacts image,
                         String publicKey, byte[] userData, String subnetCidrBlock) {
        Instance.NetworkFacts network = instance.network();
        NetworkPlacement placement = network == null || subnetCidrBlock == null ? null
                : new NetworkPlacement(network.vpcId(), network.subnetId(), subnetCidrBlock, network.privateIpAddress());
        return new LaunchSpec(ref(instance), instance.instanceType(), type.vcpus(), type.memoryMebibytes(),
                instance.imageId(), image.rootFilesystem(), publicKey, userData, placement);
    }
}
