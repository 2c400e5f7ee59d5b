package dev.gureum.core.sns;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.SnsError;
import dev.gureum.core.page.Page;
import dev.gureum.core.sns.delivery.Deliveries;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Subscribe, ConfirmSubscription, Unsubscribe, the subscription lists and attributes. HTTP/S and email
 * subscriptions start pending: the endpoint is sent a confirmation carrying a token, and only
 * ConfirmSubscription with that token (the SubscribeURL does it) makes them receive messages. Subscribing the
 * same endpoint again answers the same subscription (and re-sends a pending one's confirmation).
 */
public final class SubscriptionService {
    public static final String PENDING_CONFIRMATION = "pending confirmation";
    static final int MAX_FILTER_POLICIES_PER_TOPIC = 200;
    private static final Set<String> DELIVERED = Set.of("http", "https", "email", "email-json");
    private static final Set<String> NOT_DELIVERED = Set.of("sqs", "lambda", "application", "sms", "firehose");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final TopicService topics;
    private final Outbox outbox;
    private final Deliveries deliveries;

    public SubscriptionService(Store store, TopicService topics, Outbox outbox, Deliveries deliveries) {
        this.store = store;
        this.topics = topics;
        this.outbox = outbox;
        this.deliveries = deliveries;
    }

    /** Subscribe: the subscription's ARN, or "pending confirmation" unless {@code returnArn}. */
    public String subscribe(RequestContext context, String topicArn, String protocol, String endpoint,
                            Map<String, String> attributes, boolean returnArn) {
        Topic topic = topics.require(context, topicArn).value();
        String kind = protocol == null ? "" : protocol;
        if (NOT_DELIVERED.contains(kind)) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Protocol Reason: Gureum does not deliver"
                    + " to " + kind + " endpoints (it has no such service); use http, https, email or email-json");
        }
        if (!DELIVERED.contains(kind)) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Amazon SNS does not support this protocol"
                    + " string: " + kind);
        }
        if (topic.fifo()) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Invalid protocol type: " + kind);
        }
        requireEndpoint(kind, endpoint);
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), topic.name(), context.account(),
                context.region(), kind, endpoint, Map.of(), false, token(), false, false);
        for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
            subscription = SubscriptionAttributes.apply(subscription, attribute.getKey(), attribute.getValue(),
                    SubscriptionAttributes.SUBSCRIBE_PREFIX);
        }
        List<Versioned<Subscription>> ofTopic = ofTopic(context, topic.name());
        Optional<Versioned<Subscription>> existing = ofTopic.stream()
                .filter(found -> found.value().protocol().equals(kind) && found.value().endpoint().equals(endpoint))
                .findFirst();
        WriteBatch batch = new WriteBatch();
        if (existing.isPresent()) {
            Subscription found = existing.get().value();
            if (!attributes.isEmpty() && !found.attributes().equals(subscription.attributes())) {
                throw SnsError.INVALID_PARAMETER.exception(SubscriptionAttributes.SUBSCRIBE_PREFIX
                        + "Subscription already exists with different attributes");
            }
            subscription = found;
            batch.put(SnsRecords.SUBSCRIPTIONS, existing.get().key(), existing.get().version(), found);
        } else {
            requireFilterPolicyRoom(ofTopic, subscription);
            batch.put(SnsRecords.SUBSCRIPTIONS, key(context, subscription), WriteBatch.ABSENT, subscription);
        }
        RecordKey confirmation = subscription.confirmed() ? null : Deliveries.add(batch, context.account(),
                context.region(), outbox.subscriptionConfirmation(topic, subscription, context.now()));
        Writes.commit(store, context, batch, () -> {
            if (confirmation != null) {
                deliveries.start(List.of(confirmation));
            }
        });
        return subscription.confirmed() || returnArn ? subscription.arn() : PENDING_CONFIRMATION;
    }

    /**
     * ConfirmSubscription: the token sent to the endpoint confirms its subscription (again: the same answer).
     *
     * @param authenticated whether the request was signed; only then may it demand authenticated unsubscribes
     */
    public String confirm(RequestContext context, String topicArn, String token, boolean authenticateOnUnsubscribe,
                          boolean authenticated) {
        Topic topic = topics.require(context, topicArn).value();
        Versioned<Subscription> found = ofTopic(context, topic.name()).stream()
                .filter(subscription -> subscription.value().token().equals(token)).findFirst()
                .orElseThrow(() -> SnsError.INVALID_PARAMETER.exception("Invalid token"));
        Subscription subscription = found.value();
        if (!subscription.confirmed()) {
            Writes.commit(store, context, new WriteBatch().put(SnsRecords.SUBSCRIPTIONS, found.key(), found.version(),
                    subscription.confirmedBy(authenticated, authenticated && authenticateOnUnsubscribe)));
        }
        return subscription.arn();
    }

    /** Unsubscribe: gone at once; a confirmed HTTP/S endpoint is sent an UnsubscribeConfirmation. */
    public void unsubscribe(RequestContext context, String subscriptionArn, boolean authenticated) {
        Versioned<Subscription> found = require(context, subscriptionArn);
        Subscription subscription = found.value();
        if (!authenticated && subscription.authenticateOnUnsubscribe()) {
            throw SnsError.AUTHORIZATION_ERROR.exception("Unsubscribe of this subscription requires authentication");
        }
        WriteBatch batch = new WriteBatch().delete(SnsRecords.SUBSCRIPTIONS, found.key(), found.version());
        RecordKey goodbye = null;
        Optional<Versioned<Topic>> topic = store.get(SnsRecords.TOPICS,
                new RecordKey(context.account(), context.region(), subscription.topicName()));
        if (subscription.confirmed() && subscription.protocol().startsWith("http") && topic.isPresent()) {
            goodbye = Deliveries.add(batch, context.account(), context.region(),
                    outbox.unsubscribeConfirmation(topic.get().value(), subscription, context.now()));
        }
        RecordKey started = goodbye;
        Writes.commit(store, context, batch, () -> {
            if (started != null) {
                deliveries.start(List.of(started));
            }
        });
    }

    /** ListSubscriptions: a hundred a page; pending ones show "pending confirmation" as their ARN. */
    public Page<Subscription> list(RequestContext context, String nextToken) {
        List<Subscription> all = store.list(SnsRecords.SUBSCRIPTIONS, context.account(), context.region()).stream()
                .map(Versioned::value).sorted(Comparator.comparing(Subscription::arn)).toList();
        return SnsPages.page("ListSubscriptions", all, Subscription::arn, nextToken);
    }

    /** ListSubscriptionsByTopic. */
    public Page<Subscription> listByTopic(RequestContext context, String topicArn, String nextToken) {
        Topic topic = topics.require(context, topicArn).value();
        List<Subscription> all = ofTopic(context, topic.name()).stream().map(Versioned::value)
                .sorted(Comparator.comparing(Subscription::arn)).toList();
        return SnsPages.page("ListSubscriptionsByTopic", all, Subscription::arn, nextToken);
    }

    public Map<String, String> attributes(RequestContext context, String subscriptionArn) {
        Subscription subscription = require(context, subscriptionArn).value();
        Topic topic = topics.require(context, subscription.topicArn()).value();
        return new LinkedHashMap<>(SubscriptionAttributes.shown(subscription, topic));
    }

    public void setAttribute(RequestContext context, String subscriptionArn, String name, String value) {
        Versioned<Subscription> found = require(context, subscriptionArn);
        Subscription changed = SubscriptionAttributes.apply(found.value(), name, value, SubscriptionAttributes.SET_PREFIX);
        if ("FilterPolicy".equals(name) && !found.value().attributes().containsKey("FilterPolicy")) {
            requireFilterPolicyRoom(ofTopic(context, found.value().topicName()), changed);
        }
        Writes.commit(store, context, new WriteBatch().put(SnsRecords.SUBSCRIPTIONS, found.key(), found.version(), changed));
    }

    /** The confirmed subscriptions of a topic, the ones a message goes to. */
    List<Subscription> confirmed(String account, String region, String topicName) {
        return ofTopic(store, account, region, topicName).stream().map(Versioned::value).filter(Subscription::confirmed).toList();
    }

    /** Every subscription of a topic (DeleteTopic removes them in its batch; topic attributes count them). */
    static List<Versioned<Subscription>> ofTopic(Store store, String account, String region, String topicName) {
        String prefix = topicName + ":";
        return store.list(SnsRecords.SUBSCRIPTIONS, account, region).stream()
                .filter(record -> record.key().id().startsWith(prefix)).toList();
    }

    private List<Versioned<Subscription>> ofTopic(RequestContext context, String topicName) {
        return ofTopic(store, context.account(), context.region(), topicName);
    }

    private Versioned<Subscription> require(RequestContext context, String subscriptionArn) {
        String[] parts = subscriptionArn == null ? new String[0] : subscriptionArn.split(":", -1);
        if (parts.length < 6 || !subscriptionArn.startsWith("arn:aws:sns:")) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: SubscriptionArn Reason: An ARN must have at"
                    + " least 6 elements, not " + parts.length);
        }
        if (parts.length != 7) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: SubscriptionArn");
        }
        if (!parts[3].equals(context.region()) || !parts[4].equals(context.account())) {
            throw SnsError.NOT_FOUND.exception("Subscription does not exist");
        }
        return store.get(SnsRecords.SUBSCRIPTIONS, new RecordKey(context.account(), context.region(),
                parts[5] + ":" + parts[6])).orElseThrow(() -> SnsError.NOT_FOUND.exception("Subscription does not exist"));
    }

    private static void requireEndpoint(String protocol, String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Endpoint");
        }
        if (protocol.startsWith("email")) {
            if (!EMAIL.matcher(endpoint).matches()) {
                throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Email address");
            }
            return;
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !protocol.equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw SnsError.INVALID_PARAMETER.exception("Invalid parameter: Endpoint must match the specified protocol");
        }
    }

    private static void requireFilterPolicyRoom(List<Versioned<Subscription>> ofTopic, Subscription subscription) {
        if (subscription.attributes().containsKey("FilterPolicy") && ofTopic.stream()
                .filter(found -> found.value().attributes().containsKey("FilterPolicy")).count()
                >= MAX_FILTER_POLICIES_PER_TOPIC) {
            throw SnsError.FILTER_POLICY_LIMIT_EXCEEDED.exception("Filter policy limit exceeded");
        }
    }

    private static RecordKey key(RequestContext context, Subscription subscription) {
        return new RecordKey(context.account(), context.region(), subscription.recordId());
    }

    private static String token() {
        byte[] bytes = new byte[64];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
