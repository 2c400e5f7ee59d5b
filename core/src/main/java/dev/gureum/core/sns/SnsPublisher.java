package dev.gureum.core.sns;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.SnsError;
import dev.gureum.core.sns.delivery.Deliveries;
import dev.gureum.core.sns.filter.FilterPolicy;
import dev.gureum.core.store.ConflictRetries;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.core.time.CloudClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Publishing: the one entry point for Publish, PublishBatch and for Gureum's own services that notify a topic
 * (CloudWatch alarm actions, spot interruption warnings: {@link #publish(String, String, String, String, String,
 * Map)}). A message is checked, then a delivery is written for every confirmed subscription whose filter policy
 * passes it, all in one batch: once the MessageId is answered, every delivery it owes is durable. A FIFO topic
 * answers a deduplication id seen in the last five minutes with the first message's id and sends nothing again.
 */
public final class SnsPublisher {
    static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);
    private static final int PUBLISH_ATTEMPTS = 5;
    static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    /** What a publication was answered: its MessageId, and a SequenceNumber on FIFO topics. */
    public record Published(String messageId, String sequenceNumber) {
    }

    public record BatchEntry(String id, Publication publication) {
    }

    /** One entry's answer: published, or the error SNS reports for it (BatchResultErrorEntry). */
    public record BatchOutcome(String id, Published published, CloudException error) {
    }

    private final Store store;
    private final TopicService topics;
    private final SubscriptionService subscriptions;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final ClockScheduler scheduler;
    private final CloudClock clock;
    private final AtomicLong sequence = new AtomicLong();

    public SnsPublisher(Store store, TopicService topics, SubscriptionService subscriptions, Outbox outbox,
                        Deliveries deliveries, ClockScheduler scheduler) {
        this.store = store;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
    }

    /**
     * Forgets FIFO deduplication ids past their five minutes: at start-up every expired one; afterwards each is
     * forgotten when its window closes, so the records stay as few as the last five minutes' messages.
     */
    public void forgetExpiredDeduplicationIds() {
        store.listAll(SnsRecords.FIFO_PUBLICATIONS).forEach(record -> forget(record.key()));
    }

    private void forget(RecordKey key) {
        store.get(SnsRecords.FIFO_PUBLICATIONS, key).ifPresent(record -> {
            if (!record.value().publishedAt().plus(DEDUPLICATION_WINDOW).isAfter(clock.now())) {
                try {
                    store.apply(new WriteBatch().delete(SnsRecords.FIFO_PUBLICATIONS, key, record.version()));
                } catch (VersionConflictException publishedAgain) {
                    // a newer publication took the id; its own timer forgets it
                }
            }
        });
    }

    /**
     * Publishes on behalf of Gureum itself (no request): a message with an optional subject and attributes to
     * one of the account's topics. Answers the MessageId; a topic that does not exist is {@code NotFound}.
     */
    public String publish(String account, String region, String topicArn, String subject, String message,
                          Map<String, MessageAttribute> attributes) {
        RequestContext context = new RequestContext(account, region, "", clock.now(), false);
        return publish(context, Publication.toTopic(topicArn, subject, message, attributes)).messageId();
    }

    /** Publish. */
    public Published publish(RequestContext context, Publication publication) {
        Topic topic = topics.require(context, targetTopic(publication)).value();
        return raceFree(() -> {
            WriteBatch batch = new WriteBatch();
            List<RecordKey> started = new ArrayList<>();
            Map<String, Published> remembered = new HashMap<>();
            Published published = addTo(batch, started, remembered, context, topic, publication);
            Writes.commit(store, context, batch, () -> afterCommit(context, started, remembered));
            return published;
        });
    }

    /**
     * Runs a publication again when its batch lost a race for a FIFO deduplication record (the timer forgetting
     * an expired id, or another publication of the same id, committed in between): it is made anew from what
     * the store holds then. Nothing was written or started by the attempt that lost.
     */
    private static <T> T raceFree(Supplier<T> attempt) {
        return ConflictRetries.onConflict(PUBLISH_ATTEMPTS, attempt, raced -> raced);
    }

    /** PublishBatch: the request's own faults refuse it whole; each entry's fault is that entry's error. */
    public List<BatchOutcome> publishBatch(RequestContext context, String topicArn, List<BatchEntry> entries) {
        if (entries.isEmpty()) {
            throw SnsError.EMPTY_BATCH_REQUEST.exception("The batch request doesn't contain any entries");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SnsError.TOO_MANY_ENTRIES_IN_BATCH_REQUEST.exception("The batch request contains more entries than"
                    + " permissible");
        }
        Set<String> ids = new HashSet<>();
        long totalBytes = 0;
        for (BatchEntry entry : entries) {
            if (entry.id() == null || !BATCH_ENTRY_ID.matcher(entry.id()).matches()) {
                throw SnsError.INVALID_BATCH_ENTRY_ID.exception("The Id of a batch entry in a batch request doesn't"
                        + " abide by the specification");
            }
            if (!ids.add(entry.id())) {
                throw SnsError.BATCH_ENTRY_IDS_NOT_DISTINCT.exception("Two or more batch entries in the request have"
                        + " the same Id");
            }
            String message = entry.publication().message();
            totalBytes += (message == null ? 0 : message.getBytes(StandardCharsets.UTF_8).length)
                    + MessageAttributes.size(entry.publication().attributes());
        }
        if (totalBytes > PublishValidation.MAX_MESSAGE_BYTES) {
            throw SnsError.BATCH_REQUEST_TOO_LONG.exception("The length of all the messages put together is more than"
                    + " the limit");
        }
        Topic topic = topics.require(context, topicArn).value();
        return raceFree(() -> {
            WriteBatch batch = new WriteBatch();
            List<RecordKey> started = new ArrayList<>();
            Map<String, Published> deduplicated = new HashMap<>();
            List<BatchOutcome> outcomes = new ArrayList<>();
            for (BatchEntry entry : entries) {
                try {
                    outcomes.add(new BatchOutcome(entry.id(),
                            addTo(batch, started, deduplicated, context, topic, entry.publication()), null));
                } catch (CloudException e) {
                    outcomes.add(new BatchOutcome(entry.id(), null, e));
                }
            }
            Writes.commit(store, context, batch, () -> afterCommit(context, started, deduplicated));
            return outcomes;
        });
    }

    private void afterCommit(RequestContext context, List<RecordKey> started, Map<String, Published> remembered) {
        deliveries.start(started);
        remembered.keySet().forEach(id -> scheduler.schedule(DEDUPLICATION_WINDOW,
                () -> forget(new RecordKey(context.account(), context.region(), id))));
    }

    private Published addTo(WriteBatch batch, List<RecordKey> started, Map<String, Published> deduplicated,
                            RequestContext context, Topic topic, Publication publication) {
        Map<String, String> byProtocol = PublishValidation.validate(publication, topic);
        Instant now = context.now();
        Published published;
        if (topic.fifo()) {
            String deduplicationId = publication.messageDeduplicationId() != null
                    ? publication.messageDeduplicationId() : sha256(publication.message());
            RecordKey key = new RecordKey(context.account(), context.region(), topic.name() + ":" + deduplicationId);
            Published earlier = deduplicated.get(key.id());
            if (earlier != null) {
                return earlier;
            }
            Optional<Versioned<FifoPublication>> seen = store.get(SnsRecords.FIFO_PUBLICATIONS, key);
            if (seen.isPresent() && seen.get().value().publishedAt().plus(DEDUPLICATION_WINDOW).isAfter(now)) {
                return new Published(seen.get().value().messageId(), seen.get().value().sequenceNumber());
            }
            published = new Published(UUID.randomUUID().toString(), nextSequenceNumber(now));
            batch.put(SnsRecords.FIFO_PUBLICATIONS, key, seen.map(Versioned::version).orElse(WriteBatch.ABSENT),
                    new FifoPublication(published.messageId(), published.sequenceNumber(), now));
            deduplicated.put(key.id(), published);
        } else {
            published = new Published(UUID.randomUUID().toString(), null);
        }
        Map<String, String> signatures = new HashMap<>();
        for (Subscription subscription : subscriptions.confirmed(context.account(), context.region(), topic.name())) {
            String message = byProtocol.getOrDefault(subscription.protocol(), byProtocol.get("default"));
            if (passes(subscription, publication.attributes(), message)) {
                started.add(Deliveries.add(batch, context.account(), context.region(), outbox.notification(topic,
                        subscription, published.messageId(), publication.subject(), message, publication.attributes(),
                        now, signatures)));
            }
        }
        return published;
    }

    private static boolean passes(Subscription subscription, Map<String, MessageAttribute> attributes, String message) {
        String policy = subscription.attributes().get("FilterPolicy");
        if (policy == null || policy.isEmpty()) {
            return true;
        }
        return FilterPolicy.parse(policy, SubscriptionAttributes.scope(
                subscription.attributes().get("FilterPolicyScope"), ""), "").matches(attributes, message);
    }

    private static String targetTopic(Publication publication) {
        if (publication.phoneNumber() != null) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: PhoneNumber Reason: Gureum does not send"
                    + " SMS messages");
        }
        if (publication.topicArn() != null && publication.targetArn() != null) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: TopicArn or TargetArn Reason: Only one of"
                    + " TopicArn or TargetArn may be given");
        }
        String arn = publication.topicArn() != null ? publication.topicArn() : publication.targetArn();
        if (arn == null) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: TopicArn or TargetArn Reason: no value for"
                    + " required parameter");
        }
        if (publication.targetArn() != null && arn.contains(":endpoint/")) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: TargetArn Reason: Gureum has no platform"
                    + " application endpoints");
        }
        return arn;
    }

    private String nextSequenceNumber(Instant now) {
        long next = sequence.updateAndGet(previous -> Math.max(previous + 1, now.toEpochMilli() * 1_000_000L));
        return String.format("%020d", next);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
