package dev.gureum.core.sns;

import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.Undeliverable;
import dev.gureum.core.store.RecordKind;

/** Where SNS keeps its records. The names are persisted: never change them. */
public final class SnsRecords {
    /** Topics, keyed by owner, region and topic name. */
    public static final RecordKind<Topic> TOPICS = RecordKind.of("sns-topic", Topic.class);
    /** Subscriptions, keyed by owner, region and {@code <topic name>:<uuid>}. */
    public static final RecordKind<Subscription> SUBSCRIPTIONS = RecordKind.of("sns-subscription", Subscription.class);
    /** Messages on their way to an endpoint, keyed by the topic's owner, region and delivery id. */
    public static final RecordKind<Delivery> DELIVERIES = RecordKind.of("sns-delivery", Delivery.class);
    /** Messages whose delivery was given up, keyed by owner, region and delivery id: never silently lost. */
    public static final RecordKind<Undeliverable> UNDELIVERABLE = RecordKind.of("sns-undeliverable", Undeliverable.class);
    /** FIFO deduplication ids seen in the last five minutes, keyed by owner, region and {@code <topic>:<id>}. */
    public static final RecordKind<FifoPublication> FIFO_PUBLICATIONS = RecordKind.of("sns-fifo-publication",
            FifoPublication.class);

    private SnsRecords() {
    }
}
