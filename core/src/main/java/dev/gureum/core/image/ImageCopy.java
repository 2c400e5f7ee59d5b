package dev.gureum.core.image;

import dev.gureum.core.tag.Tag;
import java.util.List;

/** CopyImage's parameters; the destination is the region the request was signed for. */
public record ImageCopy(String sourceRegion, String sourceImageId, String name, String description,
                        boolean encrypted, boolean copyImageTags, String clientToken, List<Tag> tags) {

    public ImageCopy {
        tags = List.copyOf(tags);
    }
}
