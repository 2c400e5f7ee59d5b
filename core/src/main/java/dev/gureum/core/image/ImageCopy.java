package dev.gureum.core.image;

import dev.gureum.core.tag.Tag;
import java.util.List;

/** CopyImage's parameters; the destination is the region the request was signed for. */
public record ImageCopy(String sourceRegion, String sourceImageId, String name, String description,
                        boolean encrypted, boolean copyImageTags, String clientToken, List<Tag> tags,
                        List<Tag> snapshotTags) {

    public ImageCopy {
        tags = List.copyOf(tags);
        snapshotTags = List.copyOf(snapshotTags);
    }

    /** A copy that tags the new image only, not its snapshots. */
    public ImageCopy(String sourceRegion, String sourceImageId, String name, String description, boolean encrypted,
                     boolean copyImageTags, String clientToken, List<Tag> tags) {
        this(sourceRegion, sourceImageId, name, description, encrypted, copyImageTags, clientToken, tags, List.of());
    }
}
