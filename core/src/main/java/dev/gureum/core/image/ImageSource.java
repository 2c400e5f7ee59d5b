package dev.gureum.core.image;

import java.util.List;

/**
 * What CreateImage needs to know about an instance, in EC2's words: the image it was launched from, its
 * state name ("running", "stopped", …), architecture, platform facts and root device, and the EBS volumes
 * attached to it, each as the mapping it would have in an image (no snapshot yet) with its volume id.
 */
public record ImageSource(String instanceId, String imageId, String state, String architecture, String platform,
                          String platformDetails, String usageOperation, String rootDeviceName, boolean ebsBacked,
                          List<SourceVolume> volumes) {

    public ImageSource {
        volumes = List.copyOf(volumes);
    }

    /** One attached volume: where it is mapped and which volume it is. */
    public record SourceVolume(BlockDevice device, String volumeId) {
    }
}
