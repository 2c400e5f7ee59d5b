package dev.gureum.core.sns;

import java.time.Instant;

/** A message published to a FIFO topic under a deduplication id: a repeat within five minutes answers the same. */
public record FifoPublication(String messageId, String sequenceNumber, Instant publishedAt) {
}
