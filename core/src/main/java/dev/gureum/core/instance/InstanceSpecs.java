package dev.gureum.core.instance;

import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.runtime.NetworkPlacement;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;

/** Builds what the runtime is told about an instance. */
final class InstanceSpecs {
    private InstanceSpecs() {
    }

    static InstanceRef ref(Instance instance) {
        return new InstanceRef(instance.ownerId(), instance.region(), instance.id());
    }

    /**
     * {@code subnetCidrBlock} is the block of the instance's subnet (null when it has no network); the MAC address
     * of its primary interface is read from {@code store}.
     */
    static LaunchSpec of(Store store, Instance instance, LaunchCatalog.TypeFacts type, LaunchCatalog.ImageFacts image,
                         String publicKey, byte[] userData, String subnetCidrBlock) {
        Instance.NetworkFacts network = instance.network();
        NetworkPlacement placement = network == null || subnetCidrBlock == null ? null
                : new NetworkPlacement(network.vpcId(), network.subnetId(), subnetCidrBlock, network.privateIpAddress(),
                        store.get(NetworkRecords.NETWORK_INTERFACES, new RecordKey(instance.ownerId(), instance.region(),
                                network.primaryInterfaceId())).map(Versioned::value).map(NetworkInterface::macAddress)
                                .orElse(null));
        return new LaunchSpec(ref(instance), instance.instanceType(), type.vcpus(), type.memoryMebibytes(),
                instance.imageId(), image.rootFilesystem(), publicKey, userData, placement);
    }
}
