package dev.gureum.core.sns;

import dev.gureum.core.RequestContext;
import dev.gureum.core.sns.delivery.Deliveries;
import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.Envelopes;
import dev.gureum.core.sns.delivery.NotificationTransport;
import dev.gureum.core.sns.delivery.SigningKey;
import dev.gureum.core.sns.delivery.SnsUrls;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The SNS services over a fake store, a manual clock and a transport that records what it is given. */
final class SnsFixture implements AutoCloseable {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    /** Records every attempt and answers the outcomes queued for it (delivered once they run out). */
    static final class RecordingTransport implements NotificationTransport {
        final List<Delivery> sent = new ArrayList<>();
        final Deque<Outcome> outcomes = new ArrayDeque<>();

        @Override
        public synchronized Outcome send(Delivery delivery) {
            sent.add(delivery);
            return outcomes.isEmpty() ? Outcome.delivered() : outcomes.poll();
        }

        synchronized List<Delivery> sent() {
            return List.copyOf(sent);
        }
    }

    /** How many RSA signatures were made: the signer answers a fixed text and counts. */
    final java.util.concurrent.atomic.AtomicInteger signatures = new java.util.concurrent.atomic.AtomicInteger();
    final SigningKey signer = (text, algorithm) -> {
        signatures.incrementAndGet();
        return "c2lnbmF0dXJl";
    };

    final FakeStore store = new FakeStore();
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T12:00:00Z"));
    final ClockScheduler scheduler = new ClockScheduler(clock);
    final RecordingTransport transport = new RecordingTransport();
    final Deliveries deliveries = new Deliveries(store, scheduler, transport);
    final Outbox outbox = new Outbox(new Envelopes(signer, new SnsUrls("http://127.0.0.1:4747")));
    final TopicService topics = new TopicService(store);
    final SubscriptionService subscriptions = new SubscriptionService(store, topics, outbox, deliveries);
    final SnsPublisher publisher = new SnsPublisher(store, topics, subscriptions, outbox, deliveries, scheduler);

    RequestContext context() {
        return new RequestContext(ACCOUNT, REGION, "r-1", clock.now(), false);
    }

    void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    /** Waits (a little, in real time) for the delivery threads to have made {@code count} attempts. */
    List<Delivery> awaitSent(int count) {
        await(() -> transport.sent().size() >= count);
        return transport.sent();
    }

    /**
     * Waits for delivery threads to reach a condition; it returns as soon as they have, so the generous limit
     * only matters on a machine so loaded that the threads barely run (5 seconds were not enough on a shared CI host).
     */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 60 seconds");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Lets queued work settle, for asserting that nothing more happens. */
    static void settle() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        deliveries.close();
        scheduler.close();
    }
}
