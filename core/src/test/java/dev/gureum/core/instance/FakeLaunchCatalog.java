package dev.gureum.core.instance;

import dev.gureum.core.image.BlockDevice;
import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import java.util.List;
import java.util.Map;

/** A hand-written catalog: one x86 image, one arm64 image, a few types, one key pair "dev". */
final class FakeLaunchCatalog implements LaunchCatalog {
    static final String X86_IMAGE = "ami-00000000000000001";
    static final String ARM_IMAGE = "ami-00000000000000002";
    static final String WINDOWS_IMAGE = "ami-00000000000000003";
    private static final Map<String, TypeFacts> TYPES = Map.of(
            "t3.micro", new TypeFacts("t3.micro", 2, 1024, List.of("x86_64"), "unlimited", null),
            "m7i.large", new TypeFacts("m7i.large", 2, 8192, List.of("x86_64"), null, null),
            "m7g.large", new TypeFacts("m7g.large", 2, 8192, List.of("arm64"), null, null),
            "p5.48xlarge", new TypeFacts("p5.48xlarge", 192, 2_097_152, List.of("x86_64"), null, null),
            "m1.small", new TypeFacts("m1.small", 1, 1740, List.of("x86_64", "i386"), null, null),
            "m5d.large", new TypeFacts("m5d.large", 2, 8192, List.of("x86_64"), null, new InstanceStore(1, 75)));

    /** The images' root: an empty 8 GiB gp3 volume, deleted on termination. */
    static final BlockDevice ROOT = BlockDevice.ebs("/dev/xvda", null, 8, "gp3", true, false, null, null);

    @Override
    public ImageFacts image(RequestContext context, String imageId) {
        ResourceIds.requireWellFormed(IdKind.IMAGE, List.of(imageId));
        return switch (imageId) {
            case X86_IMAGE -> new ImageFacts(imageId, "x86_64", null, "Linux/UNIX", "RunInstances", "/dev/xvda",
                    "debian-12", "ebs", List.of(ROOT), null);
            case ARM_IMAGE -> new ImageFacts(imageId, "arm64", null, "Linux/UNIX", "RunInstances", "/dev/xvda",
                    "debian-12", "ebs", List.of(ROOT), null);
            case WINDOWS_IMAGE -> new ImageFacts(imageId, "x86_64", "windows", "Windows", "RunInstances:0002",
                    "/dev/sda1", "windows-2022", "ebs", List.of(ROOT), null);
            default -> throw Ec2Error.IMAGE_ID_NOT_FOUND.exception("The image id '[" + imageId + "]' does not exist");
        };
    }

    @Override
    public TypeFacts type(String instanceType) {
        TypeFacts type = TYPES.get(instanceType);
        if (type == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value '" + instanceType + "' for InstanceType.");
        }
        return type;
    }

    @Override
    public boolean offered(String instanceType, String zoneName) {
        return !instanceType.startsWith("p5") || zoneName.endsWith("a");
    }

    @Override
    public String publicKey(RequestContext context, String keyName) {
        if (!"dev".equals(keyName)) {
            throw Ec2Error.KEY_PAIR_ID_NOT_FOUND.exception("The key pair '" + keyName + "' does not exist");
        }
        return "ssh-ed25519 AAAA dev";
    }
}
