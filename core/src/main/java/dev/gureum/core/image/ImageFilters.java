package dev.gureum.core.image;

import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * DescribeImages' filters (the documented list, plus boot-mode, deprecation-time, imds-support,
 * platform-details, tpm-support and usage-operation). State depends on the clock, so a set is built per
 * request time. free-tier-eligible and image-allowed are not offered: Gureum has no free tier and no
 * Allowed AMIs settings, and an unsupported filter is refused rather than ignored.
 */
final class ImageFilters {
    private ImageFilters() {
    }

    static FilterSet<Image> at(Instant now) {
        return FilterSet.<Image>builder()
                .single("architecture", Image::architecture)
                .many("block-device-mapping.delete-on-termination", ebs(BlockDevice::deleteOnTermination))
                .many("block-device-mapping.device-name", image -> image.blockDevices().stream()
                        .map(BlockDevice::deviceName).toList())
                .many("block-device-mapping.encrypted", ebs(BlockDevice::encrypted))
                .many("block-device-mapping.snapshot-id", ebs(BlockDevice::snapshotId))
                .many("block-device-mapping.volume-size", ebs(BlockDevice::volumeSize))
                .many("block-device-mapping.volume-type", ebs(BlockDevice::volumeType))
                .single("boot-mode", Image::bootMode)
                .single("creation-date", image -> Image.timestamp(image.creationDate()))
                .single("deprecation-time", image -> Image.timestamp(image.deprecationTime()))
                .single("description", Image::description)
                .single("ena-support", Image::enaSupport)
                .single("hypervisor", image -> "xen")
                .single("image-id", Image::id)
                .single("image-type", image -> "machine")
                .single("imds-support", Image::imdsSupport)
                .single("is-public", Image::isPublic)
                .single("kernel-id", Image::kernelId)
                .single("manifest-location", Image::imageLocation)
                .single("name", Image::name)
                .single("owner-alias", Image::ownerAlias)
                .single("owner-id", Image::ownerId)
                .single("platform", Image::platform)
                .single("platform-details", Image::platformDetails)
                .many("product-code", image -> List.of())
                .many("product-code.type", image -> List.of())
                .single("ramdisk-id", Image::ramdiskId)
                .single("root-device-name", Image::rootDeviceName)
                .single("root-device-type", Image::rootDeviceType)
                .single("source-image-id", Image::sourceImageId)
                .single("source-image-region", Image::sourceImageRegion)
                .single("source-instance-id", Image::sourceInstanceId)
                .single("sriov-net-support", Image::sriovNetSupport)
                .single("state", image -> image.state(now).wireName())
                .many("state-reason-code", image -> List.of())
                .many("state-reason-message", image -> List.of())
                .many("tag-key", image -> image.tags().stream().map(Tag::key).toList())
                .prefixed("tag:", (image, key) -> image.tags().stream()
                        .filter(tag -> tag.key().equals(key)).map(Tag::value).toList())
                .single("tpm-support", Image::tpmSupport)
                .single("usage-operation", Image::usageOperation)
                .single("virtualization-type", Image::virtualizationType)
                .build();
    }

    private static Function<Image, Collection<String>> ebs(Function<BlockDevice, Object> value) {
        return image -> image.blockDevices().stream().filter(BlockDevice::isEbs).map(value)
                .filter(Objects::nonNull).map(String::valueOf).toList();
    }
}
