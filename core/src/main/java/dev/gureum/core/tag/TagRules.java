package dev.gureum.core.tag;

import dev.gureum.core.error.Ec2Error;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2's tag rules in one place: at most 50 tags per resource, keys of 1–128 characters not starting
 * with {@code aws:}, values of at most 256 characters; a key given again replaces its value.
 */
public final class TagRules {
    public static final int MAX_TAGS_PER_RESOURCE = 50;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;

    private TagRules() {
    }

    /** Checks tags a caller wants to set. */
    public static void validate(Collection<Tag> tags) {
        for (Tag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty()) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Tag keys must not be empty.");
            }
            if (tag.key().length() > MAX_KEY_LENGTH) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Tag key exceeds the maximum length of "
                        + MAX_KEY_LENGTH + " characters: " + tag.key());
            }
            if (tag.value().length() > MAX_VALUE_LENGTH) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Tag value exceeds the maximum length of "
                        + MAX_VALUE_LENGTH + " characters.");
            }
            if (tag.key().regionMatches(true, 0, "aws:", 0, 4)) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception(
                        "Tag keys starting with 'aws:' are reserved for internal use");
            }
        }
    }

    /** {@code existing} with {@code added} merged in (same key: new value), within the per-resource limit. */
    public static List<Tag> merge(List<Tag> existing, Collection<Tag> added) {
        Map<String, String> merged = new LinkedHashMap<>();
        existing.forEach(tag -> merged.put(tag.key(), tag.value()));
        added.forEach(tag -> merged.put(tag.key(), tag.value()));
        if (merged.size() > MAX_TAGS_PER_RESOURCE) {
            throw Ec2Error.TAG_LIMIT_EXCEEDED.exception("The maximum number of tags per resource is "
                    + MAX_TAGS_PER_RESOURCE + ".");
        }
        List<Tag> tags = new ArrayList<>();
        merged.forEach((key, value) -> tags.add(new Tag(key, value)));
        return List.copyOf(tags);
    }

    /**
     * {@code existing} without the tags named in {@code removed}: a tag given with no value goes whatever
     * its value; a tag given with a value goes only when the value matches (EC2's DeleteTags rule).
     */
    public static List<Tag> remove(List<Tag> existing, Collection<RemovedTag> removed) {
        return existing.stream()
                .filter(tag -> removed.stream().noneMatch(gone -> gone.key().equals(tag.key())
                        && (gone.value() == null || gone.value().equals(tag.value()))))
                .toList();
    }

    /** A tag named for removal; a null value removes the key whatever its value. */
    public record RemovedTag(String key, String value) {
    }
}
