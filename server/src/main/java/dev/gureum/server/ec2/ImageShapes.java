package dev.gureum.server.ec2;

import dev.gureum.core.image.BlockDevice;
import dev.gureum.core.image.Image;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;

/** Translates images and block device mappings between the domain and the SDK's shapes. */
final class ImageShapes {
    private ImageShapes() {
    }

    /**
     * The SDK's Image as DescribeImages reports it at {@code now} (state is derived from the clock). Tags and
     * product codes are left out when there are none, as EC2 leaves them out of its catalog images.
     */
    static software.amazon.awssdk.services.ec2.model.Image image(Image image, Instant now) {
        software.amazon.awssdk.services.ec2.model.Image.Builder shape = software.amazon.awssdk.services.ec2.model.Image
                .builder();
        if (!image.tags().isEmpty()) {
            shape.tags(Tags.toSdk(image.tags()));
        }
        return shape
                .imageId(image.id())
                .imageLocation(image.imageLocation())
                .state(image.state(now).wireName())
                .ownerId(image.ownerId())
                .creationDate(Image.timestamp(image.creationDate()))
                .publicLaunchPermissions(image.isPublic())
                .architecture(image.architecture())
                .imageType("machine")
                .kernelId(image.kernelId())
                .ramdiskId(image.ramdiskId())
                .platform(image.platform())
                .platformDetails(image.platformDetails())
                .usageOperation(image.usageOperation())
                .name(image.name())
                .description(image.description())
                .rootDeviceType(image.rootDeviceType())
                .rootDeviceName(image.rootDeviceName())
                .blockDeviceMappings(mappings(image.blockDevices()))
                .virtualizationType(image.virtualizationType())
                .hypervisor("xen")
                .enaSupport(image.enaSupport())
                .sriovNetSupport(image.sriovNetSupport())
                .bootMode(image.bootMode())
                .imdsSupport(image.imdsSupport())
                .tpmSupport(image.tpmSupport())
                .imageOwnerAlias(image.ownerAlias())
                .deprecationTime(Image.timestamp(image.deprecationTime()))
                .sourceInstanceId(image.sourceInstanceId())
                .sourceImageId(image.sourceImageId())
                .sourceImageRegion(image.sourceImageRegion())
                .build();
    }

    static List<BlockDeviceMapping> mappings(List<BlockDevice> devices) {
        return devices.stream().map(ImageShapes::mapping).toList();
    }

    /** The request's mappings as the domain's; absent values stay null so the rules can apply defaults. */
    static List<BlockDevice> devices(List<BlockDeviceMapping> mappings) {
        return mappings.stream().map(ImageShapes::device).toList();
    }

    private static BlockDeviceMapping mapping(BlockDevice device) {
        BlockDeviceMapping.Builder mapping = BlockDeviceMapping.builder().deviceName(device.deviceName());
        if (device.noDevice()) {
            return mapping.noDevice("").build();
        }
        if (!device.isEbs()) {
            return mapping.virtualName(device.virtualName()).build();
        }
        return mapping.ebs(EbsBlockDevice.builder()
                        .deleteOnTermination(device.deleteOnTermination())
                        .iops(device.iops())
                        .snapshotId(device.snapshotId())
                        .volumeSize(device.volumeSize())
                        .volumeType(device.volumeType())
                        .throughput(device.throughput())
                        .encrypted(device.encrypted())
                        .build())
                .build();
    }

    private static BlockDevice device(BlockDeviceMapping mapping) {
        if (mapping.noDevice() != null) {
            return BlockDevice.suppressed(mapping.deviceName());
        }
        if (mapping.virtualName() != null) {
            return BlockDevice.instanceStore(mapping.deviceName(), mapping.virtualName());
        }
        EbsBlockDevice ebs = mapping.ebs() != null ? mapping.ebs() : EbsBlockDevice.builder().build();
        return new BlockDevice(mapping.deviceName(), ebs.snapshotId(), ebs.volumeSize(), ebs.volumeTypeAsString(),
                ebs.deleteOnTermination(), ebs.encrypted(), ebs.iops(), ebs.throughput(), null, false);
    }
}
