package dev.gureum.core.sns;

import java.util.Map;

/**
 * What a Publish (or one PublishBatch entry) asks: where to ({@code topicArn}, or {@code targetArn}, or a phone
 * number Gureum cannot text), the message, an optional subject, {@code messageStructure} ("json": one message
 * per protocol with a "default"), attributes, and the FIFO topic's group and deduplication ids.
 */
public record Publication(String topicArn, String targetArn, String phoneNumber, String message, String subject,
                          String messageStructure, Map<String, MessageAttribute> attributes, String messageGroupId,
                          String messageDeduplicationId) {

    public Publication {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A plain message to a topic: what Gureum's own services publish (alarm actions, spot interruption warnings). */
    public static Publication toTopic(String topicArn, String subject, String message,
                                      Map<String, MessageAttribute> attributes) {
        return new Publication(topicArn, null, null, message, subject, null, attributes, null, null);
    }
}
