package dev.gureum.core.sns;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.SnsError;
import dev.gureum.core.sns.delivery.DeliveryPolicies;
import dev.gureum.core.sns.filter.FilterPolicy;
import dev.gureum.core.sns.filter.FilterScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a subscription's settable attributes, shared by Subscribe (whose errors SNS words
 * "Invalid parameter: Attributes Reason: …") and SetSubscriptionAttributes ("Invalid parameter: …"), and what
 * GetSubscriptionAttributes shows. Gureum has no SQS, Firehose or message archive, so RedrivePolicy,
 * SubscriptionRoleArn and ReplayPolicy are refused with a reason rather than stored and ignored.
 */
final class SubscriptionAttributes {
    static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope",
            "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");
    static final String SUBSCRIBE_PREFIX = "Invalid parameter: Attributes Reason: ";
    static final String SET_PREFIX = "Invalid parameter: ";

    private SubscriptionAttributes() {
    }

    /** The subscription with one attribute changed, checked against its protocol and its other attributes. */
    static Subscription apply(Subscription subscription, String name, String value, String errorPrefix) {
        if (name == null || !SETTABLE.contains(name)) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: AttributeName");
        }
        String text = value == null ? "" : value;
        switch (name) {
            case "RawMessageDelivery" -> {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw invalid(errorPrefix, "RawMessageDelivery: Invalid value [" + text + "]. Must be true or false.");
                }
                if (text.equalsIgnoreCase("true") && subscription.protocol().startsWith("email")) {
                    throw invalid(errorPrefix, "Delivery protocol [" + subscription.protocol()
                            + "] does not support raw message delivery.");
                }
                text = text.toLowerCase(java.util.Locale.ROOT);
            }
            case "FilterPolicy" -> {
                if (!text.isEmpty()) {
                    FilterPolicy.parse(text, scope(subscription.attributes().get("FilterPolicyScope"), errorPrefix),
                            errorPrefix);
                }
            }
            case "FilterPolicyScope" -> {
                FilterScope scope = scope(text, errorPrefix);
                String policy = subscription.attributes().get("FilterPolicy");
                if (policy != null) {
                    FilterPolicy.parse(policy, scope, errorPrefix);
                }
            }
            case "DeliveryPolicy" -> {
                if (!subscription.protocol().startsWith("http")) {
                    throw invalid(errorPrefix, "DeliveryPolicy: only HTTP/S subscriptions take a delivery policy");
                }
                if (!text.isEmpty()) {
                    DeliveryPolicies.validateSubscriptionPolicy(text, errorPrefix);
                }
            }
            case "RedrivePolicy" -> throw invalid(errorPrefix, "RedrivePolicy: Gureum has no SQS queue to redrive to;"
                    + " undeliverable messages are kept and listed at GET /_gureum/sns/undeliverable");
            case "SubscriptionRoleArn" -> throw invalid(errorPrefix, "SubscriptionRoleArn: only firehose"
                    + " subscriptions take a role, and Gureum does not deliver to Firehose");
            case "ReplayPolicy" -> throw invalid(errorPrefix, "ReplayPolicy: Gureum does not archive messages, so"
                    + " there is nothing to replay");
            default -> throw new IllegalStateException(name);
        }
        return subscription.withAttribute(name, text);
    }

    static FilterScope scope(String name, String errorPrefix) {
        if (name == null || name.isEmpty()) {
            return FilterScope.MESSAGE_ATTRIBUTES;
        }
        FilterScope scope = FilterScope.ofWireName(name);
        if (scope == null) {
            throw invalid(errorPrefix, "FilterPolicyScope: Invalid value [" + name
                    + "]. Please use either MessageBody or MessageAttributes");
        }
        return scope;
    }

    /** GetSubscriptionAttributes: what SNS derives, then what was set. */
    static Map<String, String> shown(Subscription subscription, Topic topic) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("ConfirmationWasAuthenticated", Boolean.toString(subscription.confirmationWasAuthenticated()));
        shown.put("Endpoint", subscription.endpoint());
        shown.put("Owner", subscription.ownerId());
        shown.put("PendingConfirmation", Boolean.toString(!subscription.confirmed()));
        shown.put("Protocol", subscription.protocol());
        shown.put("RawMessageDelivery", "false");
        shown.put("SubscriptionArn", subscription.arn());
        shown.put("TopicArn", subscription.topicArn());
        if (subscription.protocol().startsWith("http")) {
            shown.put("EffectiveDeliveryPolicy", DeliveryPolicies.subscriptionJson(DeliveryPolicies.effective(
                    topic.attributes().get("DeliveryPolicy"), subscription.attributes().get("DeliveryPolicy"))));
        }
        shown.putAll(subscription.attributes());
        if (subscription.attributes().containsKey("FilterPolicy")) {
            shown.putIfAbsent("FilterPolicyScope", FilterScope.MESSAGE_ATTRIBUTES.wireName());
        }
        return shown;
    }

    private static CloudException invalid(String errorPrefix, String reason) {
        return SnsError.INVALID_PARAMETER.exception(errorPrefix + reason);
    }
}
