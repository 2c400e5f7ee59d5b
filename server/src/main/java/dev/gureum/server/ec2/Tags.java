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

    /** The SDK's tags; null for none, since EC2 leaves an empty tag set out of its answers. */
    static List<software.amazon.awssdk.services.ec2.model.Tag> toSdk(List<Tag> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        return tags.stream()
                .map(tag -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(tag.key()).value(tag.value()).build())
                .toList();
    }

    /**
     * The tags of a Create call that makes one kind of resource: every specification must name
     * {@code resourceType} (e.g. "vpc"), as EC2 refuses any other with InvalidParameterValue.
     */
    static List<Tag> forCreation(List<TagSpecification> specifications, String resourceType) {
        requireWellFormed(specifications, resourceType);
        return forResourceType(specifications, resourceType);
    }

    /**
     * Refuses, as EC2 does, a specification for a resource type the operation does not create, a resource type
     * given twice, and a tag key given twice for one resource type.
     */
    static void requireWellFormed(List<TagSpecification> specifications, String... resourceTypes) {
        List<String> allowed = List.of(resourceTypes);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TagSpecification specification : specifications) {
            if (!allowed.contains(specification.resourceTypeAsString())) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("'" + specification.resourceTypeAsString()
                        + "' is not a valid taggable resource type for this operation.");
            }
            if (!seen.add(specification.resourceTypeAsString())) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The same resource type may not be specified"
                        + " more than once in tag specifications");
            }
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (software.amazon.awssdk.services.ec2.model.Tag tag : specification.tags()) {
                if (!keys.add(tag.key())) {
                    throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Duplicate tag key '" + tag.key()
                            + "' specified.");
                }
            }
        }
    }

    /** The tags the caller asked to put on resources of {@code resourceType} (e.g. "instance") at creation. */
    static List<Tag> forResourceType(List<TagSpecification> specifications, String resourceType) {
        return specifications.stream()
                .filter(specification -> resourceType.equals(specification.resourceTypeAsString()))
                .flatMap(specification -> of(specification.tags()).stream())
                .toList();
    }
}
