package dev.gureum.core.sns;

import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.DeliveryPolicies;
import dev.gureum.core.sns.delivery.Envelopes;
import dev.gureum.core.sns.delivery.RetryPolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns "this subscription is owed this message" into a {@link Delivery}: the body and headers each protocol
 * gets. HTTP/S endpoints get SNS's signed JSON envelope (or the bare message with raw delivery) and the
 * {@code x-amz-sns-*} headers, following the subscription's delivery policy; email endpoints get the message
 * as text with an unsubscribe footer, email-json endpoints the JSON envelope, both on SNS's fixed SMTP policy.
 */
public final class Outbox {
    static final String DEFAULT_SUBJECT = "AWS Notification Message";
    private final Envelopes envelopes;

    public Outbox(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    public Envelopes envelopes() {
        return envelopes;
    }

    public Delivery subscriptionConfirmation(Topic topic, Subscription subscription, Instant now) {
        String messageId = UUID.randomUUID().toString();
        String body;
        if (subscription.protocol().equals("email")) {
            body = "You have chosen to subscribe to the topic: \n" + topic.arn() + "\n\nTo confirm this subscription,"
                    + " click or visit the link below (If this was in error no action is necessary):\nConfirm"
                    + " subscription: " + envelopes.urls().subscribeUrl(topic.arn(), subscription.token()) + "\n";
        } else {
            body = envelopes.subscriptionConfirmation(messageId, topic.arn(), subscription.token(), now,
                    signatureVersion(topic));
        }
        return delivery(topic, subscription, Envelopes.SUBSCRIPTION_CONFIRMATION, messageId,
                "AWS Notification - Subscription Confirmation", body, false, now);
    }

    public Delivery unsubscribeConfirmation(Topic topic, Subscription subscription, Instant now) {
        String messageId = UUID.randomUUID().toString();
        String body = envelopes.unsubscribeConfirmation(messageId, topic.arn(), subscription.arn(),
                subscription.token(), now, signatureVersion(topic));
        return delivery(topic, subscription, Envelopes.UNSUBSCRIBE_CONFIRMATION, messageId,
                "AWS Notification - Unsubscribe Confirmation", body, false, now);
    }

    /**
     * {@code message} is what this subscription's protocol gets (MessageStructure json already resolved);
     * {@code signatures} is shared by the deliveries of one publication (see {@link Envelopes#notification}).
     */
    public Delivery notification(Topic topic, Subscription subscription, String messageId, String subject,
                                 String message, Map<String, MessageAttribute> attributes, Instant publishedAt,
                                 Map<String, String> signatures) {
        boolean raw = subscription.rawMessageDelivery();
        String body = switch (subscription.protocol()) {
            case "email" -> message + "\n\n--\nIf you wish to stop receiving notifications from this topic, please"
                    + " click or visit the link below to unsubscribe:\n"
                    + envelopes.urls().unsubscribeUrl(subscription.arn()) + "\n\nPlease do not reply directly to"
                    + " this email. If you have any questions or comments regarding this email, please contact us"
                    + " at https://aws.amazon.com/support\n";
            default -> raw ? message : envelopes.notification(messageId, topic.arn(), subject, message, publishedAt,
                    signatureVersion(topic), subscription.arn(), attributes, signatures);
        };
        return delivery(topic, subscription, Envelopes.NOTIFICATION, messageId,
                subject == null ? DEFAULT_SUBJECT : subject, body, raw, publishedAt);
    }

    private Delivery delivery(Topic topic, Subscription subscription, String type, String messageId, String subject,
                              String body, boolean raw, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        RetryPolicy retryPolicy;
        if (subscription.protocol().startsWith("email")) {
            String from = topic.attributes().getOrDefault("DisplayName", "");
            headers.put("From", (from.isEmpty() ? "AWS Notifications" : from) + " <no-reply@sns.amazonaws.com>");
            retryPolicy = RetryPolicy.EMAIL;
        } else {
            DeliveryPolicies.Effective policy = DeliveryPolicies.effective(topic.attributes().get("DeliveryPolicy"),
                    subscription.attributes().get("DeliveryPolicy"));
            headers.put("x-amz-sns-message-type", type);
            headers.put("x-amz-sns-message-id", messageId);
            headers.put("x-amz-sns-topic-arn", topic.arn());
            if (!type.equals(Envelopes.SUBSCRIPTION_CONFIRMATION)) {
                headers.put("x-amz-sns-subscription-arn", subscription.arn());
            }
            if (raw) {
                headers.put("x-amz-sns-rawdelivery", "true");
            }
            headers.put("Content-Type", policy.contentType());
            headers.put("User-Agent", "Amazon Simple Notification Service Agent");
            retryPolicy = policy.retryPolicy();
        }
        return new Delivery(UUID.randomUUID().toString(), subscription.arn(), topic.arn(), subscription.protocol(),
                subscription.endpoint(), type, messageId, subject, body, headers, retryPolicy, 0, now, null);
    }

    private static String signatureVersion(Topic topic) {
        return topic.attributes().getOrDefault("SignatureVersion", "1");
    }
}
