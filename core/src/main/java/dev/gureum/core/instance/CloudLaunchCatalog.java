package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.image.Image;
import dev.gureum.core.image.ImageService;
import dev.gureum.core.instancetype.InstanceType;
import dev.gureum.core.instancetype.InstanceTypeService;
import dev.gureum.core.keypair.KeyPairService;

/** The launch catalog the running cloud uses: images, instance types and key pairs from their services. */
public final class CloudLaunchCatalog implements LaunchCatalog {
    private final ImageService images;
    private final InstanceTypeService types;
    private final KeyPairService keyPairs;

    public CloudLaunchCatalog(ImageService images, InstanceTypeService types, KeyPairService keyPairs) {
        this.images = images;
        this.types = types;
        this.keyPairs = keyPairs;
    }

    @Override
    public ImageFacts image(RequestContext context, String imageId) {
        Image image = images.findLaunchable(context.account(), context.region(), imageId);
        return new ImageFacts(image.id(), image.architecture(), image.platform(), image.platformDetails(),
                image.usageOperation(), image.rootDeviceName(), image.rootFilesystem(), image.rootDeviceType(),
                image.blockDevices(), image.imdsSupport());
    }

    @Override
    public TypeFacts type(String instanceType) {
        InstanceType type = types.catalog().find(instanceType).orElseThrow(() ->
                Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value '" + instanceType
                        + "' for InstanceType."));
        return new TypeFacts(type.name(), type.virtualCpus().defaultVcpus(), type.memoryMebibytes(),
                type.processor().architectures(), type.burst() == null ? null : type.burst().defaultCpuCredits(),
                type.instanceStorage() == null ? null : new InstanceStore(type.instanceStorage().diskCount(),
                        type.instanceStorage().diskSizeGigabytes()));
    }

    @Override
    public boolean offered(String instanceType, String zoneName) {
        return types.isOffered(instanceType, zoneName);
    }

    @Override
    public String publicKey(RequestContext context, String keyName) {
        return keyPairs.requireByName(context, keyName).publicKey();
    }
}
