package dev.gureum.core.spot;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceFollower;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.SpotFacts;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.CloudClock;
import java.util.List;
import java.util.Optional;

/**
 * A Spot Instance's request follows what happens to the instance, in the batch that moves it: terminated by
 * an interruption ({@code instance-terminated-by-price} / {@code -no-capacity}) or by its owner
 * ({@code instance-terminated-by-user}) — a one-time request closes, a persistent one opens again and
 * launches anew when it can; stopped ({@code instance-stopped-by-price} / {@code -no-capacity}:
 * {@code disabled}; by its owner {@code marked-for-stop} while it stops, still {@code active}, then
 * {@code instance-stopped-by-user}, {@code disabled}); started again ({@code fulfilled}). A cancelled request
 * stays cancelled.
 */
public final class SpotFollower implements InstanceFollower {
    private final Store store;
    private final CloudClock clock;

    public SpotFollower(Store store, CloudClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Runnable follow(WriteBatch batch, List<Instance[]> moves) {
        for (Instance[] move : moves) {
            Instance before = move[0];
            Instance after = move[1];
            if (after.spot() == null) {
                continue;
            }
            SpotStatus status = status(before.state(), after.state(), after.spot());
            if (status == null) {
                continue;
            }
            Optional<Versioned<SpotRequest>> found = store.get(SpotRecords.REQUESTS,
                    SpotRecords.requestKey(after.ownerId(), after.region(), after.spot().requestId()));
            if (found.isEmpty() || !after.id().equals(found.get().value().instanceId())) {
                continue;
            }
            SpotRequest request = found.get().value();
            boolean cancelled = "cancelled".equals(request.state());
            SpotRequest next = request.withStatus(cancelled ? "cancelled" : status.state(request.persistent()), status,
                    null, clock.now());
            if (status.state(request.persistent()).equals("open") && !cancelled) {
                next = next.withInstance(null, null);
            }
            batch.put(SpotRecords.REQUESTS, found.get().key(), found.get().version(), next);
        }
        return NOTHING_AFTER;
    }

    private static SpotStatus status(InstanceState before, InstanceState after, SpotFacts spot) {
        boolean byPrice = SpotFacts.CAUSE_PRICE.equals(spot.interruptionCause());
        boolean interrupted = spot.marked();
        if (after == InstanceState.SHUTTING_DOWN && before != InstanceState.SHUTTING_DOWN
                || after == InstanceState.TERMINATED && before != InstanceState.SHUTTING_DOWN
                && before != InstanceState.TERMINATED) {
            return !interrupted ? SpotStatus.INSTANCE_TERMINATED_BY_USER
                    : byPrice ? SpotStatus.INSTANCE_TERMINATED_BY_PRICE : SpotStatus.INSTANCE_TERMINATED_NO_CAPACITY;
        }
        if (after == InstanceState.STOPPING && before == InstanceState.RUNNING) {
            return !interrupted ? SpotStatus.MARKED_FOR_STOP
                    : byPrice ? SpotStatus.INSTANCE_STOPPED_BY_PRICE : SpotStatus.INSTANCE_STOPPED_NO_CAPACITY;
        }
        if (after == InstanceState.STOPPED && before == InstanceState.STOPPING && !interrupted) {
            return SpotStatus.INSTANCE_STOPPED_BY_USER;
        }
        if (after == InstanceState.PENDING && before == InstanceState.STOPPED) {
            return SpotStatus.FULFILLED;
        }
        return null;
    }
}
