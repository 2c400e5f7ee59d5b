package dev.gureum.core.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.error.SnsError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * SNS's rules for what is published: a message that is not empty, at most 256 KB with its attributes; a
 * subject of at most 100 printable ASCII characters without line breaks; with MessageStructure "json" a JSON
 * object of strings with a "default" one; FIFO topics' group and deduplication ids.
 */
final class PublishValidation {
    static final int MAX_MESSAGE_BYTES = 262_144;
    static final int MAX_SUBJECT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishValidation() {
    }

    /** Checks a publication to {@code topic}; answers the message for each protocol (key "default" for the rest). */
    static Map<String, String> validate(Publication publication, Topic topic) {
        String message = publication.message();
        if (message == null || message.isEmpty()) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Empty message");
        }
        String subject = publication.subject();
        if (subject != null && (subject.isEmpty() || subject.length() > MAX_SUBJECT
                || !subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f) || subject.startsWith(" "))) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Subject");
        }
        MessageAttributes.validate(publication.attributes());
        long size = message.getBytes(StandardCharsets.UTF_8).length + MessageAttributes.size(publication.attributes());
        if (size > MAX_MESSAGE_BYTES) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Message too long");
        }
        Map<String, String> byProtocol = structure(publication);
        fifoRules(publication, topic);
        return byProtocol;
    }

    private static Map<String, String> structure(Publication publication) {
        String structure = publication.messageStructure();
        if (structure == null) {
            return Map.of("default", publication.message());
        }
        if (!structure.equals("json")) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: MessageStructure");
        }
        JsonNode document;
        try {
            document = JSON.readTree(publication.message());
        } catch (IOException e) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Message Structure - JSON message body"
                    + " failed to parse");
        }
        Map<String, String> byProtocol = new HashMap<>();
        for (var fields = document.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Message Structure - JSON message body"
                        + " failed to parse");
            }
            byProtocol.put(field.getKey(), field.getValue().asText());
        }
        if (!byProtocol.containsKey("default")) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Message Structure - No default entry in"
                    + " JSON message body");
        }
        return byProtocol;
    }

    private static void fifoRules(Publication publication, Topic topic) {
        if (topic.fifo()) {
            if (publication.messageGroupId() == null || publication.messageGroupId().isEmpty()) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: The MessageGroupId parameter is"
                        + " required for FIFO topics");
            }
            requireId(publication.messageGroupId(), "MessageGroupId");
            boolean contentBased = "true".equalsIgnoreCase(topic.attributes().get("ContentBasedDeduplication"));
            if (publication.messageDeduplicationId() == null && !contentBased) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: The topic should either have"
                        + " ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
            if (publication.messageDeduplicationId() != null) {
                requireId(publication.messageDeduplicationId(), "MessageDeduplicationId");
            }
        } else if (publication.messageDeduplicationId() != null) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: MessageDeduplicationId Reason: The request"
                    + " includes MessageDeduplicationId parameter that is not valid for this topic type");
        }
    }

    private static void requireId(String id, String name) {
        if (id.length() > 128 || !id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: " + name + " Reason: " + name + " can only"
                    + " include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }
}
