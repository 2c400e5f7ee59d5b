package dev.gureum.core.image;

import dev.gureum.core.tag.Tag;
import java.util.List;

/**
 * CreateImage's parameters besides the instance: the new image's name and description, whether the
 * instance is left running without a reboot, mapping changes (DeleteOnTermination of an existing
 * device, NoDevice to leave one out, or a new device), the image's tags and the tags of the snapshots it takes.
 */
public record ImageCapture(String name, String description, boolean noReboot, List<BlockDevice> blockDevices,
                           List<Tag> tags, List<Tag> snapshotTags) {

    public ImageCapture {
        blockDevices = List.copyOf(blockDevices);
        tags = List.copyOf(tags);
        snapshotTags = List.copyOf(snapshotTags);
    }

    /** A capture that tags the image only. */
    public ImageCapture(String name, String description, boolean noReboot, List<BlockDevice> blockDevices,
                        List<Tag> tags) {
        this(name, description, noReboot, blockDevices, tags, List.of());
    }
}
