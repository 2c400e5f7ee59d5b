package dev.gureum.core.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.RequestContext;
import dev.gureum.core.error.SnsError;
import dev.gureum.core.page.Page;
import dev.gureum.core.sns.delivery.DeliveryPolicies;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateTopic, DeleteTopic, ListTopics and the topic attributes. Creating an existing topic with the same
 * attributes answers its ARN again, as SNS does; deleting a topic that does not exist is not an error.
 */
public final class TopicService {
    static final int MAX_TOPICS = 100_000;
    private static final ObjectMapper POLICY_READER = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    /** The attributes SetTopicAttributes and CreateTopic accept. */
    static final Set<String> SETTABLE = Set.of("DisplayName", "Policy", "DeliveryPolicy", "KmsMasterKeyId",
            "SignatureVersion", "TracingConfig", "ContentBasedDeduplication", "ArchivePolicy", "FifoThroughputScope",
            "DataProtectionPolicy", "HTTPSuccessFeedbackRoleArn", "HTTPFailureFeedbackRoleArn",
            "HTTPSuccessFeedbackSampleRate");
    private static final String EFFECTIVE_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":"
            + "{\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,"
            + "\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
            + "\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":"
            + "\"text/plain; charset=UTF-8\"}}}";

    private final Store store;

    public TopicService(Store store) {
        this.store = store;
    }

    /** CreateTopic: the topic's ARN, new or (same attributes and tags, when given) existing. */
    public String create(RequestContext context, String name, Map<String, String> attributes, List<Tag> tags) {
        boolean fifo = "true".equalsIgnoreCase(attributes.get("FifoTopic"));
        if (name == null || !(fifo ? FIFO_NAME : NAME).matcher(name).matches()) {
            throw SnsError.INVALID_PARAMETER.exception(fifo && name != null && !name.endsWith(".fifo")
                    ? "Invalid parameter: Topic Name: Fifo Topic names must end with .fifo and must be made up of"
                    + " only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be"
                    + " between 1 and 256 characters long."
                    : "Invalid parameter: Topic Name");
        }
        Map<String, String> settable = new LinkedHashMap<>();
        attributes.forEach((attribute, value) -> {
            if (!attribute.equals("FifoTopic")) {
                requireSettable(attribute);
                validate(attribute, value);
                settable.put(attribute, value);
            }
        });
        TopicTags.validate(tags);
        RecordKey key = key(context, name);
        var existing = store.get(SnsRecords.TOPICS, key);
        if (existing.isPresent()) {
            if (!settable.isEmpty() && !existing.get().value().attributes().equals(settable)) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Attributes Reason: Topic already exists"
                        + " with different attributes");
            }
            if (!tags.isEmpty() && !TopicTags.byKey(existing.get().value().tags()).equals(TopicTags.byKey(tags))) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Tags Reason: Topic already exists with"
                        + " different tags");
            }
            return existing.get().value().arn();
        }
        if (store.list(SnsRecords.TOPICS, context.account(), context.region()).size() >= MAX_TOPICS) {
            throw SnsError.TOPIC_LIMIT_EXCEEDED.exception("Topic limit exceeded");
        }
        Topic topic = new Topic(name, context.account(), context.region(), settable, tags);
        try {
            Writes.commit(store, context, new WriteBatch().put(SnsRecords.TOPICS, key, WriteBatch.ABSENT, topic));
        } catch (VersionConflictException createdMeanwhile) {
            return topic.arn();
        }
        return topic.arn();
    }

    /** DeleteTopic: idempotent; a topic that does not exist is not an error. */
    public void delete(RequestContext context, String topicArn) {
        String name = nameOf(context, topicArn);
        store.get(SnsRecords.TOPICS, key(context, name)).ifPresent(found -> {
            WriteBatch batch = new WriteBatch().delete(SnsRecords.TOPICS, found.key(), found.version());
            SubscriptionService.ofTopic(store, context.account(), context.region(), name).forEach(subscription ->
                    batch.delete(SnsRecords.SUBSCRIPTIONS, subscription.key(), subscription.version()));
            Writes.commit(store, context, batch);
        });
    }

    /** ListTopics: the caller's topics in the region, a hundred a page, by ARN. */
    public Page<Topic> list(RequestContext context, String nextToken) {
        List<Topic> topics = store.list(SnsRecords.TOPICS, context.account(), context.region()).stream()
                .map(Versioned::value).sorted(java.util.Comparator.comparing(Topic::arn)).toList();
        return SnsPages.page("ListTopics", topics, Topic::arn, nextToken);
    }

    /** GetTopicAttributes: the settable ones that were set, and what SNS derives. */
    public Map<String, String> attributes(RequestContext context, String topicArn) {
        Topic topic = require(context, topicArn).value();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("TopicArn", topic.arn());
        attributes.put("Owner", topic.ownerId());
        attributes.put("Policy", defaultPolicy(topic));
        attributes.put("DisplayName", "");
        List<Versioned<Subscription>> subscriptions = SubscriptionService.ofTopic(store, context.account(),
                context.region(), topic.name());
        long confirmed = subscriptions.stream().filter(subscription -> subscription.value().confirmed()).count();
        attributes.put("SubscriptionsConfirmed", Long.toString(confirmed));
        attributes.put("SubscriptionsPending", Long.toString(subscriptions.size() - confirmed));
        attributes.put("SubscriptionsDeleted", "0");
        attributes.put("EffectiveDeliveryPolicy", effectiveDeliveryPolicy(topic));
        if (topic.fifo()) {
            attributes.put("FifoTopic", "true");
            attributes.put("ContentBasedDeduplication", "false");
        }
        attributes.putAll(topic.attributes());
        return attributes;
    }

    /** SetTopicAttributes: one settable attribute. */
    public void setAttribute(RequestContext context, String topicArn, String attribute, String value) {
        if (attribute == null) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: AttributeName");
        }
        requireSettable(attribute);
        validate(attribute, value);
        Versioned<Topic> found = require(context, topicArn);
        Writes.commit(store, context, new WriteBatch().put(SnsRecords.TOPICS, found.key(), found.version(),
                found.value().withAttribute(attribute, value == null ? "" : value)));
    }

    /** The caller's topic named by an ARN, or NotFound. */
    public Versioned<Topic> require(RequestContext context, String topicArn) {
        return store.get(SnsRecords.TOPICS, key(context, nameOf(context, topicArn)))
                .orElseThrow(() -> SnsError.NOT_FOUND.exception("Topic does not exist"));
    }

    /** The topic name in an ARN of the caller's account and region; any other ARN is an invalid parameter. */
    static String nameOf(RequestContext context, String topicArn) {
        String prefix = Topic.arn(context.region(), context.account(), "");
        if (topicArn == null || !topicArn.startsWith("arn:aws:sns:")) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: TopicArn");
        }
        if (!topicArn.startsWith(prefix) || topicArn.length() == prefix.length()) {
            throw SnsError.NOT_FOUND.exception("Topic does not exist");
        }
        return topicArn.substring(prefix.length());
    }

    /** The delivery policy HTTP/S subscriptions of the topic follow unless they set their own. */
    static String effectiveDeliveryPolicy(Topic topic) {
        String policy = topic.attributes().get("DeliveryPolicy");
        return policy == null || policy.isBlank() ? EFFECTIVE_DELIVERY_POLICY : policy;
    }

    private static void validate(String attribute, String value) {
        if (attribute.equals("Policy")) {
            requirePolicyDocument(value);
        }
        if (attribute.equals("DeliveryPolicy") && value != null && !value.isBlank()) {
            DeliveryPolicies.validateTopicPolicy(value, "Invalid parameter: ");
        }
        if (attribute.equals("SignatureVersion") && !"1".equals(value) && !"2".equals(value)) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: SignatureVersion");
        }
    }

    /**
     * An access policy must be a JSON policy document (an object with a Statement); what AWS answers for one that
     * is not. Gureum keeps the policy but does not enforce it: every caller is the topic's owner.
     */
    private static void requirePolicyDocument(String value) {
        JsonNode document;
        try {
            document = value == null ? null : POLICY_READER.readTree(value);
        } catch (JsonProcessingException e) {
            document = null;
        }
        if (document == null || !document.isObject() || !document.has("Statement")) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Policy Error: null");
        }
    }

    private static void requireSettable(String attribute) {
        if (!SETTABLE.contains(attribute)) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: AttributeName");
        }
    }

    private static RecordKey key(RequestContext context, String name) {
        return new RecordKey(context.account(), context.region(), name);
    }

    private static String defaultPolicy(Topic topic) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\","
                + "\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
                + "\"SNS:Publish\"],\"Resource\":\"" + topic.arn() + "\",\"Condition\":{\"StringEquals\":"
                + "{\"AWS:SourceOwner\":\"" + topic.ownerId() + "\"}}}]}";
    }
}
