package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.image.BlockDevice;
import java.util.List;

/**
 * What a launch needs to know about the rest of the cloud — the image, the instance type and the key
 * pair — answered by their own services, each refusing with its own EC2 error. Kept as an interface so
 * instance rules can be tested with a hand-written catalog.
 */
public interface LaunchCatalog {

    /** The image's facts if the caller may launch it, else InvalidAMIID.NotFound / .Unavailable. */
    ImageFacts image(RequestContext context, String imageId);

    /** The type's facts if it exists, else InvalidParameterValue. */
    TypeFacts type(String instanceType);

    /** Whether the type is offered in the zone (RunInstances answers Unsupported otherwise). */
    boolean offered(String instanceType, String zoneName);

    /** The key pair's OpenSSH public key, else InvalidKeyPair.NotFound. */
    String publicKey(RequestContext context, String keyName);

    /**
     * What an instance inherits from its image, including its root device type (ebs or instance-store)
     * and the block device mappings its volumes are made from.
     */
    record ImageFacts(String imageId, String architecture, String platform, String platformDetails,
                      String usageOperation, String rootDeviceName, String rootFilesystem, String rootDeviceType,
                      List<BlockDevice> blockDevices, String imdsSupport) {

        public ImageFacts {
            blockDevices = blockDevices == null ? List.of() : List.copyOf(blockDevices);
        }
    }

    /** What an instance's size and behaviour come from; {@code instanceStore} is null for EBS-only types. */
    record TypeFacts(String name, int vcpus, long memoryMebibytes, List<String> architectures,
                     String defaultCpuCredits, InstanceStore instanceStore) {

        public boolean burstable() {
            return defaultCpuCredits != null;
        }
    }

    /** A type's instance storage: so many disks of so many gigabytes each (decimal GB, as EC2 counts them). */
    record InstanceStore(int disks, long diskSizeGigabytes) {
    }
}
