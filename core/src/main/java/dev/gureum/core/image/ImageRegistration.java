package dev.gureum.core.image;

import dev.gureum.core.tag.Tag;
import java.util.List;

/**
 * RegisterImage's parameters; an {@code imageLocation} (a bundle manifest path) makes an instance
 * store-backed image, whose manifest Gureum records but does not read. Null means "not given": EC2's defaults then apply (architecture i386,
 * virtualization paravirtual, as its API reference documents).
 */
public record ImageRegistration(String name, String description, String imageLocation, String architecture,
                                String rootDeviceName,
                                List<BlockDevice> blockDevices, String virtualizationType, Boolean enaSupport,
                                String sriovNetSupport, String bootMode, String imdsSupport, String tpmSupport,
                                String kernelId, String ramdiskId, List<Tag> tags) {

    public ImageRegistration {
        blockDevices = List.copyOf(blockDevices);
        tags = List.copyOf(tags);
    }
}
