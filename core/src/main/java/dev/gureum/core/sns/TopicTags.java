package dev.gureum.core.sns;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.SnsError;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A topic's tags: given at CreateTopic, changed by TagResource and UntagResource, read by ListTagsForResource. A
 * topic holds at most 50; a key is 1 to 128 characters, a value at most 256.
 */
public final class TopicTags {
    static final int MAX_TAGS = 50;
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_VALUE_LENGTH = 256;
    private static final int ATTEMPTS = 5;

    private final Store store;
    private final TopicService topics;

    public TopicTags(Store store, TopicService topics) {
        this.store = store;
        this.topics = topics;
    }

    public List<Tag> list(RequestContext context, String arn) {
        return require(context, arn).value().tags();
    }

    public void tag(RequestContext context, String arn, List<Tag> tags) {
        validate(tags);
        change(context, arn, current -> merged(current, tags));
    }

    public void untag(RequestContext context, String arn, List<String> keys) {
        change(context, arn, current -> current.stream().filter(tag -> !keys.contains(tag.key())).toList());
    }

    /** Tags as CreateTopic and TagResource take them: well formed, and no more than a topic may hold. */
    static void validate(List<Tag> tags) {
        for (Tag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > MAX_KEY_LENGTH) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Tags Reason: A tag key must be 1 to "
                        + MAX_KEY_LENGTH + " characters long.");
            }
            if (tag.value() == null || tag.value().length() > MAX_VALUE_LENGTH) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Tags Reason: A tag value must be 0 to "
                        + MAX_VALUE_LENGTH + " characters long.");
            }
        }
        if (merged(List.of(), tags).size() > MAX_TAGS) {
            throw SnsError.TAG_LIMIT_EXCEEDED.exception("Could not complete request: tag quota of per resource "
                    + "exceeded");
        }
    }

    /** The tags as a map of key to value, a later tag replacing an earlier one of the same key. */
    static Map<String, String> byKey(List<Tag> tags) {
        Map<String, String> byKey = new LinkedHashMap<>();
        tags.forEach(tag -> byKey.put(tag.key(), tag.value()));
        return byKey;
    }

    private static List<Tag> merged(List<Tag> current, List<Tag> added) {
        Map<String, String> merged = byKey(current);
        merged.putAll(byKey(added));
        List<Tag> result = new ArrayList<>();
        merged.forEach((key, value) -> result.add(new Tag(key, value)));
        if (result.size() > MAX_TAGS) {
            throw SnsError.TAG_LIMIT_EXCEEDED.exception("Could not complete request: tag quota of per resource "
                    + "exceeded");
        }
        return result;
    }

    private void change(RequestContext context, String arn, UnaryOperator<List<Tag>> edit) {
        for (int attempt = 1; ; attempt++) {
            Versioned<Topic> topic = require(context, arn);
            try {
                Writes.commit(store, context, new WriteBatch().put(SnsRecords.TOPICS, topic.key(), topic.version(),
                        topic.value().withTags(edit.apply(topic.value().tags()))));
                return;
            } catch (VersionConflictException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw SnsError.CONCURRENT_ACCESS.exception("A previous request to update this topic is still "
                            + "in progress; retry.");
                }
            }
        }
    }

    /** The topic an ARN names; ResourceNotFound when there is none (TagResource's error, not NotFound). */
    private Versioned<Topic> require(RequestContext context, String arn) {
        if (arn == null || !arn.startsWith("arn:aws:sns:")) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: ResourceArn");
        }
        try {
            return topics.require(context, arn);
        } catch (CloudException e) {
            if (e.code() != SnsError.NOT_FOUND) {
                throw e;
            }
            throw SnsError.RESOURCE_NOT_FOUND.exception("Resource does not exist");
        }
    }
}
