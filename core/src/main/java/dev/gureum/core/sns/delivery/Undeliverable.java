package dev.gureum.core.sns.delivery;

import java.time.Instant;

/** A message SNS gave up delivering, kept so it is never silently lost: what it was, where to, and why. */
public record Undeliverable(String deliveryId, String subscriptionArn, String topicArn, String protocol,
                            String endpoint, String type, String messageId, String body, int attempts,
                            Instant givenUpAt, String reason) {

    static Undeliverable of(Delivery delivery, int attempts, Instant at, String reason) {
        return new Undeliverable(delivery.id(), delivery.subscriptionArn(), delivery.topicArn(), delivery.protocol(),
                delivery.endpoint(), delivery.type(), delivery.messageId(), delivery.body(), attempts, at, reason);
    }
}
