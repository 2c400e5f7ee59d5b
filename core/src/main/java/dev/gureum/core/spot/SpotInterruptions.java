package dev.gureum.core.spot;

import dev.gureum.core.RequestContext;
import dev.gureum.core.instance.CapacityReclaim;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceCommands;
import dev.gureum.core.instance.InstanceEvent;
import dev.gureum.core.instance.InstanceLaunches;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.InstanceUsage;
import dev.gureum.core.instance.SpotFacts;
import dev.gureum.core.instance.StateReason;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.ClockScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spot interruptions. EC2 interrupts a Spot Instance when on-demand launches need its capacity
 * ({@link CapacityReclaim}) or when the Spot price rises above its request's maximum ({@link #priceChanged}).
 * The instance is first marked: its notice (action and time, two minutes on; at once for hibernation, as EC2
 * gives hibernating instances no two-minute warning) and its request's status ({@code marked-for-termination}
 * or {@code marked-for-stop}) commit in one batch; then the warning is published and can be read as the
 * instance metadata's {@code spot/instance-action} ({@link #warning}). When the notice runs out, the instance
 * is terminated or stopped (hibernate is carried out as a stop: Gureum does not save memory) through the
 * lifecycle table with EC2's state reason, {@code Server.SpotInstanceTermination} or
 * {@code Server.SpotInstanceShutdown}. Due interruptions are also swept every few seconds of the cloud clock, so
 * one scheduled before a restart still happens.
 */
public final class SpotInterruptions implements CapacityReclaim {
    public static final Duration NOTICE = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(SpotInterruptions.class.getName());

    private final Store store;
    private final ClockScheduler scheduler;
    private final InstanceUsage usage;
    private final InstanceCommands commands;
    private final SpotMarket market;
    private final ToIntFunction<String> vcpusOfType;
    private volatile SpotNotifier notifier = SpotNotifier.NONE;

    public SpotInterruptions(Store store, ClockScheduler scheduler, InstanceUsage usage, InstanceCommands commands,
                             SpotMarket market, ToIntFunction<String> vcpusOfType) {
        this.store = store;
        this.scheduler = scheduler;
        this.usage = usage;
        this.commands = commands;
        this.market = market;
        this.vcpusOfType = vcpusOfType;
    }

    /** Where interruption warnings are published (the server's SNS topic); attached once SNS exists. */
    public void notifyWith(SpotNotifier attached) {
        this.notifier = attached;
    }

    @Override
    public long spotVcpus(String region, String zone) {
        return usage.spotVcpus(region, zone);
    }

    /** Marks the zone's newest Spot Instances until those marked hold at least {@code excessVcpus}. */
    @Override
    public synchronized void reclaim(String region, String zone, long excessVcpus) {
        List<Versioned<Instance>> spot = spotInstances(region, zone);
        long marked = spot.stream().filter(versioned -> versioned.value().spot().marked())
                .mapToLong(versioned -> vcpusOfType.applyAsInt(versioned.value().instanceType())).sum();
        List<Versioned<Instance>> candidates = new ArrayList<>(spot.stream()
                .filter(versioned -> !versioned.value().spot().marked()).toList());
        candidates.sort(Comparator.comparing((Versioned<Instance> versioned) -> versioned.value().launchTime())
                .thenComparing(versioned -> versioned.value().id()).reversed());
        for (Versioned<Instance> candidate : candidates) {
            if (marked >= excessVcpus) {
                return;
            }
            if (mark(candidate, SpotFacts.CAUSE_CAPACITY)) {
                marked += vcpusOfType.applyAsInt(candidate.value().instanceType());
            }
        }
    }

    /** After a zone's price moved: its Spot Instances whose maximum price is now too low are marked. */
    public synchronized void priceChanged(String region, String zone) {
        for (Versioned<Instance> versioned : spotInstances(region, zone)) {
            Instance instance = versioned.value();
            BigDecimal price = market.current(region, zone, instance.instanceType());
            if (instance.spot().marked() || price == null) {
                continue;
            }
            request(instance).filter(request -> new BigDecimal(request.value().spotPrice()).compareTo(price) < 0)
                    .ifPresent(tooLow -> mark(versioned, SpotFacts.CAUSE_PRICE));
        }
    }

    /** The zone's Spot Instances that hold capacity (pending, running, stopping, shutting down). */
    private List<Versioned<Instance>> spotInstances(String region, String zone) {
        List<Versioned<Instance>> found = new ArrayList<>();
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            if (instance.spot() != null && instance.region().equals(region) && instance.availabilityZone().equals(zone)
                    && (instance.state() == InstanceState.PENDING || instance.state() == InstanceState.RUNNING)) {
                found.add(versioned);
            }
        }
        return found;
    }

    private Optional<Versioned<SpotRequest>> request(Instance instance) {
        return store.get(SpotRecords.REQUESTS, SpotRecords.requestKey(instance.ownerId(), instance.region(),
                instance.spot().requestId()));
    }

    /** The notice and the request's status in one batch; false when the instance changed meanwhile. */
    private boolean mark(Versioned<Instance> versioned, String cause) {
        Instance instance = versioned.value();
        Instant now = scheduler.clock().now();
        boolean hibernate = "hibernate".equals(instance.spot().interruptionBehavior());
        Instant actionTime = hibernate ? now : now.plus(NOTICE);
        Instance marked = instance.withSpot(instance.spot().markedFor(actionTime, cause));
        WriteBatch batch = new WriteBatch();
        batch.put(InstanceRecords.INSTANCES, versioned.key(), versioned.version(), marked);
        request(instance).ifPresent(request -> batch.put(SpotRecords.REQUESTS, request.key(), request.version(),
                markedRequest(request.value(), instance.spot(), cause, now)));
        try {
            store.apply(batch);
        } catch (VersionConflictException changedMeanwhile) {
            return false;
        }
        InterruptionWarning warning = new InterruptionWarning(instance.ownerId(), instance.region(), instance.id(),
                instance.spot().action(), now, actionTime);
        try {
            notifier.interruptionWarning(warning);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not publish the Spot interruption warning of " + instance.id(), e);
        }
        scheduler.schedule(Duration.between(now, actionTime), this::interruptDue);
        return true;
    }

    /**
     * The request of an instance being marked, as EC2's status table has it: {@code marked-for-stop} or
     * {@code marked-for-termination} (the request stays active) — except that an instance to be terminated for
     * capacity is {@code instance-terminated-no-capacity} at once, though it runs through its notice, and its
     * request is closed (one-time) or open again without it (persistent).
     */
    private static SpotRequest markedRequest(SpotRequest request, SpotFacts spot, String cause, Instant now) {
        if (!"terminate".equals(spot.action())) {
            return request.withStatus(SpotStatus.MARKED_FOR_STOP, null, now);
        }
        if (!SpotFacts.CAUSE_CAPACITY.equals(cause)) {
            return request.withStatus(SpotStatus.MARKED_FOR_TERMINATION, null, now);
        }
        SpotRequest ended = request.withStatus(SpotStatus.INSTANCE_TERMINATED_NO_CAPACITY, null, now);
        return request.persistent() ? ended.withInstance(null, null) : ended;
    }

    /** Interrupts every marked Spot Instance whose notice has run out; returns how many. */
    public int interruptDue() {
        Instant now = scheduler.clock().now();
        int interrupted = 0;
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            if (instance.spot() == null || !instance.spot().marked() || instance.spot().interruptionTime().isAfter(now)
                    || !(instance.state() == InstanceState.PENDING || instance.state() == InstanceState.RUNNING)) {
                continue;
            }
            boolean terminate = "terminate".equals(instance.spot().action());
            try {
                commands.apply(new RequestContext(instance.ownerId(), instance.region(), "spot-interruption", now, false),
                        List.of(instance.id()), terminate ? InstanceEvent.TERMINATE : InstanceEvent.STOP,
                        new InstanceCommands.ServiceCommand(terminate ? StateReason.SPOT_TERMINATION
                                : StateReason.SPOT_SHUTDOWN, "", UnaryOperator.identity()));
                interrupted++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not interrupt Spot Instance " + instance.id(), e);
            }
        }
        return interrupted;
    }

    /**
     * The interruption notice of an instance, while it has one and is not gone: what the instance metadata
     * service serves as {@code spot/instance-action} ({@link InterruptionWarning#instanceActionDocument}).
     */
    public Optional<InterruptionWarning> warning(String account, String region, String instanceId) {
        return store.get(InstanceRecords.INSTANCES, new RecordKey(account, region, instanceId)).map(Versioned::value)
                .filter(instance -> instance.spot() != null && instance.spot().marked()
                        && InstanceLaunches.occupiesHost(instance.state()))
                .map(instance -> new InterruptionWarning(account, region, instanceId, instance.spot().action(),
                        instance.spot().interruptionTime().minus(
                                "hibernate".equals(instance.spot().action()) ? Duration.ZERO : NOTICE),
                        instance.spot().interruptionTime()));
    }
}
