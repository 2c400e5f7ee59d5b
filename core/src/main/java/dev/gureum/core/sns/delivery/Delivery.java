package dev.gureum.core.sns.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * One message on its way to one endpoint, durable until it is delivered or given up: what to send (the
 * exact body, its headers, an email's subject), where, and how far the retries have got. A retry sends the
 * same bytes again, as SNS does.
 *
 * @param type SubscriptionConfirmation, Notification or UnsubscribeConfirmation
 * @param attempts attempts made so far
 */
public record Delivery(String id, String subscriptionArn, String topicArn, String protocol, String endpoint,
                       String type, String messageId, String subject, String body, Map<String, String> headers,
                       RetryPolicy retryPolicy, int attempts, Instant nextAttemptAt, String lastError) {

    public Delivery {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public Delivery failedAttempt(String error, Instant nextAttempt) {
        return new Delivery(id, subscriptionArn, topicArn, protocol, endpoint, type, messageId, subject, body, headers,
                retryPolicy, attempts + 1, nextAttempt, error);
    }
}
