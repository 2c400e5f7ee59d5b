package dev.gureum.core.sns;

import java.util.Map;
import java.util.TreeMap;

/**
 * A subscription of an endpoint to a topic. It is pending until its endpoint confirms with the token SNS sent
 * it (http, https, email, email-json); its ARN is the topic's ARN and a UUID. {@code attributes} holds the
 * settable ones that were set (FilterPolicy, FilterPolicyScope, RawMessageDelivery, DeliveryPolicy, …).
 */
public record Subscription(String id, String topicName, String ownerId, String region, String protocol, String endpoint,
                           Map<String, String> attributes, boolean confirmed, String token,
                           boolean confirmationWasAuthenticated, boolean authenticateOnUnsubscribe) {

    public Subscription {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public String topicArn() {
        return Topic.arn(region, ownerId, topicName);
    }

    public String arn() {
        return topicArn() + ":" + id;
    }

    /** The id a subscription is stored under: its ARN after the account's prefix, {@code <topic>:<uuid>}. */
    public String recordId() {
        return topicName + ":" + id;
    }

    public boolean rawMessageDelivery() {
        return "true".equalsIgnoreCase(attributes.get("RawMessageDelivery"));
    }

    public Subscription withAttribute(String name, String value) {
        Map<String, String> changed = new TreeMap<>(attributes);
        if (value == null || value.isEmpty()) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new Subscription(id, topicName, ownerId, region, protocol, endpoint, changed, confirmed, token,
                confirmationWasAuthenticated, authenticateOnUnsubscribe);
    }

    public Subscription confirmedBy(boolean authenticated, boolean authenticateUnsubscribe) {
        return new Subscription(id, topicName, ownerId, region, protocol, endpoint, attributes, true, token,
                authenticated, authenticateUnsubscribe);
    }
}
