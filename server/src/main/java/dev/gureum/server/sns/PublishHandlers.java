package dev.gureum.server.sns;

import dev.gureum.core.RequestContext;
import dev.gureum.core.sns.MessageAttribute;
import dev.gureum.core.sns.Publication;
import dev.gureum.core.sns.SnsPublisher;
import dev.gureum.server.dispatch.OperationTable;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** Publish and PublishBatch: the SDK's shapes in and out of {@link SnsPublisher}, which holds every rule. */
final class PublishHandlers {
    private final SnsPublisher publisher;

    PublishHandlers(SnsPublisher publisher) {
        this.publisher = publisher;
    }

    void registerInto(OperationTable table) {
        table.register(PublishRequest.class, this::publish);
        table.register(PublishBatchRequest.class, this::publishBatch);
    }

    PublishResponse publish(PublishRequest request, RequestContext context) {
        SnsPublisher.Published published = publisher.publish(context, new Publication(request.topicArn(),
                request.targetArn(), request.phoneNumber(), request.message(), request.subject(),
                request.messageStructure(), attributes(request.messageAttributes()), request.messageGroupId(),
                request.messageDeduplicationId()));
        return PublishResponse.builder().messageId(published.messageId()).sequenceNumber(published.sequenceNumber())
                .build();
    }

    PublishBatchResponse publishBatch(PublishBatchRequest request, RequestContext context) {
        List<SnsPublisher.BatchEntry> entries = request.publishBatchRequestEntries().stream()
                .map(PublishHandlers::entry).toList();
        List<SnsPublisher.BatchOutcome> outcomes = publisher.publishBatch(context, request.topicArn(), entries);
        return PublishBatchResponse.builder()
                .successful(outcomes.stream().filter(outcome -> outcome.error() == null)
                        .map(outcome -> PublishBatchResultEntry.builder().id(outcome.id())
                                .messageId(outcome.published().messageId())
                                .sequenceNumber(outcome.published().sequenceNumber()).build()).toList())
                .failed(outcomes.stream().filter(outcome -> outcome.error() != null)
                        .map(outcome -> BatchResultErrorEntry.builder().id(outcome.id())
                                .code(outcome.error().code().code()).message(outcome.error().getMessage())
                                .senderFault(outcome.error().code().httpStatus() < 500).build()).toList())
                .build();
    }

    private static SnsPublisher.BatchEntry entry(PublishBatchRequestEntry entry) {
        return new SnsPublisher.BatchEntry(entry.id(), new Publication(null, null, null, entry.message(),
                entry.subject(), entry.messageStructure(), attributes(entry.messageAttributes()),
                entry.messageGroupId(), entry.messageDeduplicationId()));
    }

    private static Map<String, MessageAttribute> attributes(Map<String, MessageAttributeValue> values) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        values.forEach((name, value) -> attributes.put(name, new MessageAttribute(value.dataType(), value.stringValue(),
                value.binaryValue() == null ? null : Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()))));
        return attributes;
    }
}
