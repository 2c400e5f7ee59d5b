package dev.gureum.server.sns;

import dev.gureum.core.sns.Outbox;
import dev.gureum.core.sns.SnsPublisher;
import dev.gureum.core.sns.SubscriptionService;
import dev.gureum.core.sns.TopicService;
import dev.gureum.core.sns.TopicTags;
import dev.gureum.core.sns.delivery.Deliveries;
import dev.gureum.core.sns.delivery.Envelopes;
import dev.gureum.core.sns.delivery.SnsUrls;
import dev.gureum.core.store.Store;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.core.time.CloudClock;
import dev.gureum.server.dispatch.ServiceEndpoint;
import dev.gureum.server.gateway.Route;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The SNS side of one Gureum node, assembled: topics, subscriptions, the publisher, the signing certificate, the
 * delivery outbox on its own clock scheduler and threads, and the transports (HTTP/S; email by SMTP or to the
 * mailbox directory). Deliveries still owed from before a restart are resumed when it starts.
 * {@link #publisher()} is the entry point Gureum's other services publish through.
 */
public final class SnsCloud implements AutoCloseable {
    private final ClockScheduler scheduler;
    private final Deliveries deliveries;
    private final SnsPublisher publisher;
    private final ServiceEndpoint endpoint;
    private final Route links;

    /**
     * @param baseUrl where clients reach this node (the SubscribeURL, UnsubscribeURL and SigningCertURL point there)
     * @param smtp {@code HOST:PORT} of an SMTP server for email endpoints, or null for the mailbox directory
     */
    public SnsCloud(Store store, CloudClock clock, Path dataDirectory, String baseUrl, String smtp) {
        // read (or made, the first time) when the first message is signed, not on the start-up path
        Supplier<SigningCertificate> certificate = new Supplier<>() {
            private SigningCertificate opened;

            @Override
            public synchronized SigningCertificate get() {
                if (opened == null) {
                    opened = SigningCertificate.openOrCreate(dataDirectory);
                }
                return opened;
            }
        };
        this.scheduler = new ClockScheduler(clock);
        this.deliveries = new Deliveries(store, scheduler, new EndpointTransport(new Mailbox(dataDirectory),
                smtp == null ? null : SmtpMailer.parse(smtp), clock));
        Outbox outbox = new Outbox(new Envelopes((text, algorithm) -> certificate.get().sign(text, algorithm),
                new SnsUrls(baseUrl)));
        TopicService topics = new TopicService(store);
        SubscriptionService subscriptions = new SubscriptionService(store, topics, outbox, deliveries);
        this.publisher = new SnsPublisher(store, topics, subscriptions, outbox, deliveries, scheduler);
        this.endpoint = SnsApi.create(topics, new TopicTags(store, topics), subscriptions, publisher);
        this.links = new SnsLinks(subscriptions, deliveries, certificate, endpoint.protocol(), clock);
        deliveries.resume();
        publisher.forgetExpiredDeduplicationIds();
    }

    /** Where Gureum's own services publish (CloudWatch alarm actions, spot interruption warnings). */
    public SnsPublisher publisher() {
        return publisher;
    }

    public ServiceEndpoint endpoint() {
        return endpoint;
    }

    /** The SubscribeURL, UnsubscribeURL, SigningCertURL and SNS admin views, answered without a signature. */
    public Route links() {
        return links;
    }

    @Override
    public void close() {
        scheduler.close();
        deliveries.close();
    }
}
