package dev.gureum.core.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.error.CloudException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Publish and PublishBatch refuse, with SNS's codes and words, and FIFO deduplication. */
class PublishValidationTest {
    private final SnsFixture sns = new SnsFixture();
    private final String topic = sns.topics.create(sns.context(), "ops", Map.of(), List.of());

    @AfterEach
    void close() {
        sns.close();
    }

    private SnsPublisher.Published publish(Publication publication) {
        return sns.publisher.publish(sns.context(), publication);
    }

    private static Publication message(String topicArn, String message, String subject, Map<String, MessageAttribute> attributes) {
        return new Publication(topicArn, null, null, message, subject, null, attributes, null, null);
    }

    @Test
    void messagesSubjectsAndTargetsAreChecked() {
        assertRefused("InvalidParameter", "Invalid parameter: Empty message", () -> publish(message(topic, "", null, Map.of())));
        assertRefused("InvalidParameter", "Invalid parameter: Subject",
                () -> publish(message(topic, "m", "x".repeat(101), Map.of())));
        assertRefused("InvalidParameter", "Invalid parameter: Subject", () -> publish(message(topic, "m", "two\nlines", Map.of())));
        publish(message(topic, "m", "x".repeat(100), Map.of()));
        assertRefused("InvalidParameter", "Invalid parameter: Message too long",
                () -> publish(message(topic, "x".repeat(262_145), null, Map.of())));
        publish(message(topic, "x".repeat(262_144), null, Map.of()));
        assertRefused("InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter",
                () -> publish(message(null, "m", null, Map.of())));
        assertRefused("NotFound", "Topic does not exist",
                () -> publish(message(topic + "-missing", "m", null, Map.of())));
        assertNotNull(publish(new Publication(null, topic, null, "via TargetArn", null, null, Map.of(), null, null)).messageId());
    }

    @Test
    void jsonMessageStructureNeedsADefault() {
        assertRefused("InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON message body",
                () -> publish(new Publication(topic, null, null, "{\"http\":\"x\"}", null, "json", Map.of(), null, null)));
        assertRefused("InvalidParameter", "Invalid parameter: Message Structure - JSON message body failed to parse",
                () -> publish(new Publication(topic, null, null, "plain", null, "json", Map.of(), null, null)));
        publish(new Publication(topic, null, null, "{\"default\":\"d\",\"http\":\"h\"}", null, "json", Map.of(), null, null));
    }

    @Test
    void messageAttributesAreHeldToTheirTypes() {
        assertRefused("ParameterValueInvalid", "The message attribute 'a' has an invalid message attribute type, the set"
                + " of supported type prefixes is Binary, Number, and String.",
                () -> publish(message(topic, "m", null, Map.of("a", new MessageAttribute("Integer", "1", null)))));
        assertRefused("ParameterValueInvalid", "The message attribute 'a' must contain non-empty message attribute value"
                + " for message attribute type 'String'.",
                () -> publish(message(topic, "m", null, Map.of("a", new MessageAttribute("String", "", null)))));
        assertRefused("ParameterValueInvalid", "Could not cast message attribute 'n' value to number.",
                () -> publish(message(topic, "m", null, Map.of("n", MessageAttribute.number("twelve")))));
        assertRefused("ParameterValueInvalid", "The message attribute 'l' with type 'String.Array' must be a JSON array"
                + " of strings, numbers, true, false or null.",
                () -> publish(message(topic, "m", null, Map.of("l", new MessageAttribute("String.Array", "[{}]", null)))));
        assertRefused("ParameterValueInvalid", "Invalid attribute name: AWS.reserved",
                () -> publish(message(topic, "m", null, Map.of("AWS.reserved", MessageAttribute.string("x")))));
        Map<String, MessageAttribute> eleven = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("a" + i, MessageAttribute.string("v"));
        }
        assertRefused("ParameterValueInvalid", "Number of message attributes [11] exceeds the allowed maximum [10].",
                () -> publish(message(topic, "m", null, eleven)));
        publish(message(topic, "m", null, Map.of("n", new MessageAttribute("Number.float", "3.14", null),
                "b", new MessageAttribute("Binary", null, "AQID"), "l", new MessageAttribute("String.Array", "[\"a\",1]", null))));
    }

    @Test
    void fifoTopicsNeedAGroupAndDeduplicateForFiveMinutes() {
        String fifo = sns.topics.create(sns.context(), "orders.fifo", Map.of("FifoTopic", "true"), List.of());
        assertRefused("InvalidParameter", "Invalid parameter: The MessageGroupId parameter is required for FIFO topics",
                () -> publish(new Publication(fifo, null, null, "m", null, null, Map.of(), null, "d1")));
        assertRefused("InvalidParameter", "Invalid parameter: The topic should either have ContentBasedDeduplication"
                + " enabled or MessageDeduplicationId provided explicitly",
                () -> publish(new Publication(fifo, null, null, "m", null, null, Map.of(), "g", null)));
        assertRefused("InvalidParameter", "Invalid parameter: MessageDeduplicationId Reason: The request includes"
                + " MessageDeduplicationId parameter that is not valid for this topic type",
                () -> publish(new Publication(topic, null, null, "m", null, null, Map.of(), null, "d1")));
        SnsPublisher.Published first = publish(new Publication(fifo, null, null, "m", null, null, Map.of(), "g", "d1"));
        assertEquals(20, first.sequenceNumber().length());
        sns.advance(299);
        assertEquals(first, publish(new Publication(fifo, null, null, "m", null, null, Map.of(), "g", "d1")));
        sns.advance(1);
        SnsPublisher.Published later = publish(new Publication(fifo, null, null, "m", null, null, Map.of(), "g", "d1"));
        assertEquals(false, later.messageId().equals(first.messageId()));
        assertEquals(true, later.sequenceNumber().compareTo(first.sequenceNumber()) > 0);
        sns.advance(300);
        SnsFixture.await(() -> sns.store.listAll(SnsRecords.FIFO_PUBLICATIONS).isEmpty());
    }

    @Test
    void batchesRefuseWholeForTheirOwnFaultsAndPerEntryForAnEntrysFault() {
        assertRefused("EmptyBatchRequest", "The batch request doesn't contain any entries",
                () -> sns.publisher.publishBatch(sns.context(), topic, List.of()));
        List<SnsPublisher.BatchEntry> eleven = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new SnsPublisher.BatchEntry("e" + i, message(null, "m", null, Map.of())));
        }
        assertRefused("TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible",
                () -> sns.publisher.publishBatch(sns.context(), topic, eleven));
        assertRefused("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id",
                () -> sns.publisher.publishBatch(sns.context(), topic, List.of(
                        new SnsPublisher.BatchEntry("a", message(null, "m", null, Map.of())),
                        new SnsPublisher.BatchEntry("a", message(null, "m", null, Map.of())))));
        assertRefused("InvalidBatchEntryId", "The Id of a batch entry in a batch request doesn't abide by the specification",
                () -> sns.publisher.publishBatch(sns.context(), topic, List.of(
                        new SnsPublisher.BatchEntry("no spaces", message(null, "m", null, Map.of())))));
        assertRefused("BatchRequestTooLong", "The length of all the messages put together is more than the limit",
                () -> sns.publisher.publishBatch(sns.context(), topic, List.of(
                        new SnsPublisher.BatchEntry("a", message(null, "x".repeat(200_000), null, Map.of())),
                        new SnsPublisher.BatchEntry("b", message(null, "x".repeat(100_000), null, Map.of())))));
        List<SnsPublisher.BatchOutcome> outcomes = sns.publisher.publishBatch(sns.context(), topic, List.of(
                new SnsPublisher.BatchEntry("good", message(null, "m", null, Map.of())),
                new SnsPublisher.BatchEntry("bad", message(null, "m", "x".repeat(101), Map.of()))));
        assertNotNull(outcomes.get(0).published());
        assertNull(outcomes.get(0).error());
        assertEquals("InvalidParameter", outcomes.get(1).error().code().code());
    }

    private static void assertRefused(String code, String message, Runnable call) {
        CloudException error = assertThrows(CloudException.class, call::run);
        assertEquals(code, error.code().code());
        assertEquals(message, error.getMessage());
    }
}
