package dev.gureum.core.image;

import dev.gureum.core.tag.Tag;
import java.util.List;

/**
 * The tags an account put on an image it can see but does not own (a public catalog AMI, one shared with it): as
 * EC2 keeps them, visible to that account only, and never on the image itself.
 */
public record ImageViewerTags(List<Tag> tags) {
    public ImageViewerTags {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
