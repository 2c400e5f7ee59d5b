package dev.gureum.server.ec2;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.tag.Tag;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** Translates tags and tag specifications between the SDK's shapes and the domain's. */
final class Tags {
    private Tags() {
    }

    static List<Tag> of(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
        return tags.stream().map(tag -> new Tag(tag.key(), tag.value())).toList();
    }

    static List<software.amazon.awssdk.services.ec2.model.Tag> toSdk(List<Tag> tags) {
        return tags.stream()
                .map(tag -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(tag.key()).value(tag.value()).build())
                .toList();
    }

    /**
     * The tags of a create that makes one type of resource: every specification must name that type
     * (EC2 answers {@code InvalidParameterValue} for any other).
     */
    static List<Tag> forCreated(List<TagSpecification> specifications, String resourceType) {
        for (TagSpecification specification : specifications) {
            if (!resourceType.equals(specification.resourceTypeAsString())) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("'" + specification.resourceTypeAsString()
                        + "' is not a valid taggable resource type for this operation.");
            }
        }
        return forResourceType(specifications, resourceType);
    }

    /** The tags the caller asked to put on resources of {@code resourceType} (e.g. "instance") at creation. */
    static List<Tag> forResourceType(List<TagSpecification> specifications, String resourceType) {
        return specifications.stream()
                .filter(specification -> resourceType.equals(specification.resourceTypeAsString()))
                .flatMap(specification -> of(specification.tags()).stream())
                .toList();
    }
}
