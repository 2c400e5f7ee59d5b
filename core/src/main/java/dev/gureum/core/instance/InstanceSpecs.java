package dev.gureum.core.instance;

import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.LaunchSpec;

/** Builds what the runtime is told about an instance. */
final class InstanceSpecs {
    private InstanceSpecs() {
    }

    static InstanceRef ref(Instance instance) {
        return new InstanceRef(instance.ownerId(), instance.region(), instance.id());
    }

    static LaunchSpec of(Instance instance, LaunchCatalog.TypeFacts type, LaunchCatalog.ImageFacts image,
                         String publicKey, byte[] userData) {
        return new LaunchSpec(ref(instance), instance.instanceType(), type.vcpus(), type.memoryMebibytes(),
                instance.imageId(), image.rootFilesystem(), publicKey, userData);
    }
}
