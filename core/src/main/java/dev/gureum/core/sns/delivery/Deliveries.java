package dev.gureum.core.sns.delivery;

import dev.gureum.core.sns.SnsRecords;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.StoreUnavailableException;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.ClockScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable outbox: every message owed to an endpoint is a {@link Delivery} record, written in the batch
 * of the call that caused it (Publish, Subscribe, Unsubscribe), and is attempted at its time on the cloud
 * clock, on this class's own threads, never on a request's. A failure is retried as its {@link RetryPolicy}
 * says, the record rewritten with the next attempt's time before waiting; when the policy is spent (or the
 * endpoint refuses for good) the message becomes an {@link Undeliverable} record in the same batch that
 * removes the delivery. After a restart {@link #resume()} schedules every delivery still owed, so none is lost.
 */
public final class Deliveries implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    private final Store store;
    private final ClockScheduler scheduler;
    private final NotificationTransport transport;
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("gureum-sns-delivery-", 0).factory());

    public Deliveries(Store store, ClockScheduler scheduler, NotificationTransport transport) {
        this.store = store;
        this.scheduler = scheduler;
        this.transport = transport;
    }

    /** Adds a delivery to a batch its caller commits; call {@link #start} with the same key once it is durable. */
    public static RecordKey add(WriteBatch batch, String account, String region, Delivery delivery) {
        RecordKey key = new RecordKey(account, region, delivery.id());
        batch.put(SnsRecords.DELIVERIES, key, WriteBatch.ABSENT, delivery);
        return key;
    }

    /** Schedules the first attempt of deliveries whose records were just committed. */
    public void start(List<RecordKey> keys) {
        Instant now = scheduler.clock().now();
        keys.forEach(key -> schedule(key, now));
    }

    /** At start-up: every delivery still owed is scheduled at its next attempt's time (at once if that is past). */
    public void resume() {
        Instant now = scheduler.clock().now();
        for (Versioned<Delivery> pending : store.listAll(SnsRecords.DELIVERIES)) {
            Instant due = pending.value().nextAttemptAt();
            schedule(pending.key(), due == null ? now : due);
        }
    }

    /** Messages given up for an account, newest first (the admin endpoint's list). */
    public List<Undeliverable> undeliverable(String account) {
        return store.listAll(SnsRecords.UNDELIVERABLE).stream()
                .filter(record -> record.key().account().equals(account)).map(Versioned::value)
                .sorted(Comparator.comparing(Undeliverable::givenUpAt).reversed()).toList();
    }

    /** Deliveries of an account still owed, soonest first. */
    public List<Delivery> pending(String account) {
        return store.listAll(SnsRecords.DELIVERIES).stream()
                .filter(record -> record.key().account().equals(account)).map(Versioned::value)
                .sorted(Comparator.comparing(Delivery::nextAttemptAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * Attempts the delivery once the clock reaches {@code due}: the time written in its record, so a clock that
     * moves on between the write and this call cannot push the attempt later.
     */
    private void schedule(RecordKey key, Instant due) {
        scheduler.scheduleAt(due, () -> {
            try {
                senders.execute(() -> attempt(key));
            } catch (RejectedExecutionException closing) {
                // shutting down: the record stays, and resume() schedules it at the next start
            }
        });
    }

    private void attempt(RecordKey key) {
        Optional<Versioned<Delivery>> found = store.get(SnsRecords.DELIVERIES, key);
        if (found.isEmpty()) {
            return;
        }
        Delivery delivery = found.get().value();
        WriteBatch batch = new WriteBatch().delete(SnsRecords.DELIVERIES, key, found.get().version());
        if (Envelopes.NOTIFICATION.equals(delivery.type()) && !stillSubscribed(key, delivery)) {
            commit(batch);
            return;
        }
        NotificationTransport.Outcome outcome;
        try {
            outcome = transport.send(delivery);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery " + delivery.id() + " failed unexpectedly", e);
            outcome = NotificationTransport.Outcome.retry(e.toString());
        }
        Instant now = scheduler.clock().now();
        int attempts = delivery.attempts() + 1;
        switch (outcome.result()) {
            case DELIVERED -> commit(batch);
            case REFUSED -> commit(batch.put(SnsRecords.UNDELIVERABLE, key, WriteBatch.ABSENT,
                    Undeliverable.of(delivery, attempts, now, outcome.detail())));
            case RETRY -> {
                Optional<Duration> wait = delivery.retryPolicy().delayBefore(attempts);
                if (wait.isEmpty()) {
                    commit(batch.put(SnsRecords.UNDELIVERABLE, key, WriteBatch.ABSENT, Undeliverable.of(delivery,
                            attempts, now, "delivery policy spent after " + attempts + " attempts; last: "
                                    + outcome.detail())));
                } else if (commit(new WriteBatch().put(SnsRecords.DELIVERIES, key, found.get().version(),
                        delivery.failedAttempt(outcome.detail(), now.plus(wait.get()))))) {
                    schedule(key, now.plus(wait.get()));
                }
            }
        }
    }

    private boolean stillSubscribed(RecordKey key, Delivery delivery) {
        String prefix = "arn:aws:sns:" + key.region() + ":" + key.account() + ":";
        return delivery.subscriptionArn().startsWith(prefix) && store.get(SnsRecords.SUBSCRIPTIONS,
                new RecordKey(key.account(), key.region(), delivery.subscriptionArn().substring(prefix.length())))
                .isPresent();
    }

    /** Commits a delivery's bookkeeping; a record changed meanwhile (a reset, a second runner) wins. */
    private boolean commit(WriteBatch batch) {
        try {
            store.apply(batch);
            return true;
        } catch (VersionConflictException changedMeanwhile) {
            return false;
        } catch (StoreUnavailableException e) {
            LOG.log(Level.SEVERE, "cannot record a delivery's progress; it is retried after a restart", e);
            return false;
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
