package dev.gureum.core.image;

import java.util.List;

/**
 * What CreateImage needs to know about an instance, in EC2's words: the image it was launched from, its
 * state name ("running", "stopped", …), architecture, platform facts and root device, and its EBS
 * volumes. An empty {@code blockDevices} means the instance model does not track volumes: the new image
 * then takes the mappings of the image the instance was launched from.
 */
public record ImageSource(String instanceId, String imageId, String state, String architecture, String platform,
                          String platformDetails, String usageOperation, String rootDeviceName,
                          List<BlockDevice> blockDevices) {

    public ImageSource {
        blockDevices = List.copyOf(blockDevices);
    }
}
