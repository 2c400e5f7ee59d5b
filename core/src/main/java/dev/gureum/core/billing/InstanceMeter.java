package dev.gureum.core.billing;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceFollower;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.StateReason;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.CloudClock;
import dev.gureum.core.usage.OpenUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Meters instance time from lifecycle transitions: the stretch opens when an instance becomes running and
 * closes when it leaves running (stopping, shutting down, stopped, terminated). The open stretch rides in the
 * instance record the transition writes anyway ({@link Instance#usage()}), and closing it appends it to the
 * usage ledger in the same batch, so metering adds no record to a transition. Linux instances are billed per
 * second with a minimum of 60 seconds per start; Spot Instances as {@code SpotUsage:<type>} at the Spot price in
 * force (a price change splits the stretch: {@link Meter#split}).
 */
public final class InstanceMeter implements InstanceFollower {
    static final long LINUX_MINIMUM_SECONDS = 60;
    private static final String LINUX_OPERATION = "RunInstances";
    private static final Duration FIRST_HOUR = Duration.ofHours(1);

    private final Meter meter;
    private final CloudClock clock;
    private final SpotPriceSource spotPrices;

    public InstanceMeter(Meter meter, CloudClock clock) {
        this(meter, clock, SpotPriceSource.NONE);
    }

    /** As above; Spot Instances are metered as {@code SpotUsage:<type>} at the price {@code spotPrices} gives. */
    public InstanceMeter(Meter meter, CloudClock clock, SpotPriceSource spotPrices) {
        this.meter = meter;
        this.clock = clock;
        this.spotPrices = spotPrices;
    }

    /**
     * Whether the instance runs Linux/UNIX (its usage operation is {@code RunInstances}), the one operating system
     * Gureum has prices for; another's time is metered without a price, and Spot price changes leave it alone.
     */
    public static boolean pricedAsLinux(Instance instance) {
        return instance.usageOperation() == null || LINUX_OPERATION.equals(instance.usageOperation());
    }

    /** The usage type an instance's running time is metered as. */
    public static String usageType(Instance instance) {
        return instance.spot() != null ? UsageTypes.spotUsage(instance.region(), instance.instanceType())
                : UsageTypes.boxUsage(instance.region(), instance.instanceType());
    }

    /**
     * The instance's open running time as a usage period, or null when none is open. A Spot Instance's stretch is
     * priced at the Spot price it carries; one without a market price carries {@code <type>-spot}, a sku with no
     * price: a visible gap, never free.
     */
    public static UsagePeriod openPeriod(Instance instance) {
        return period(instance, null);
    }

    /** The instance's running time open in its record, as a period ending at {@code end}; null when none is open. */
    private static UsagePeriod period(Instance instance, Instant end) {
        OpenUsage open = instance.usage();
        if (open == null) {
            return null;
        }
        String sku = open.sku() != null ? open.sku() : instance.instanceType();
        boolean spotPriced = instance.spot() != null && !sku.endsWith("-spot");
        return new UsagePeriod(instance.id(), usageType(instance), spotPriced ? UsagePeriod.PricedAs.SPOT_HOURS
                : UsagePeriod.PricedAs.INSTANCE_HOURS, sku, instance.spot() != null ? "Spot" : "OnDemand",
                instance.availabilityZone(), 1, open.since(), end, open.minimumSeconds());
    }

    @Override
    public Instance amend(Instance before, Instance after, Instant at) {
        boolean wasRunning = before.state() == InstanceState.RUNNING;
        boolean isRunning = after.state() == InstanceState.RUNNING;
        if (!wasRunning && isRunning && meter.metering()) {
            return after.withUsage(new OpenUsage(at, sku(after), LINUX_MINIMUM_SECONDS));
        }
        return after;
    }

    @Override
    public Runnable follow(WriteBatch batch, List<Instance[]> moves) {
        Instant now = null;
        for (Instance[] move : moves) {
            if (move[0].usage() == null || move[1].state() == InstanceState.RUNNING) {
                continue;
            }
            Instance instance = move[1];
            now = now != null ? now : clock.now();
            if (interruptedInFirstHour(instance, now)) {
                meter.waive(batch, instance.ownerId(), instance.region(), instance.id(), usageType(move[0]),
                        instance.launchTime());
            } else {
                meter.closed(batch, instance.ownerId(), instance.region(), period(move[0], now));
            }
        }
        return NOTHING_AFTER;
    }

    /**
     * A Spot Instance EC2 interrupts (its state reason is EC2's Spot one) within an hour of its launch or start costs
     * nothing, as AWS bills Linux Spot Instances; one its owner stops or terminates is billed per second as usual.
     */
    private static boolean interruptedInFirstHour(Instance instance, Instant now) {
        return instance.spot() != null && instance.stateReason() != null
                && (instance.stateReason().equals(StateReason.SPOT_TERMINATION)
                        || instance.stateReason().equals(StateReason.SPOT_SHUTDOWN))
                && now.isBefore(instance.launchTime().plus(FIRST_HOUR));
    }

    /**
     * What the instance's running time is priced as, when not its own type's Linux price (null): the Spot price in
     * force; for another operating system (a usage operation other than Linux's {@code RunInstances}), whose prices
     * Gureum does not have, its type and operation, a sku with no price: a visible gap, not Linux's price.
     */
    private String sku(Instance instance) {
        if (!pricedAsLinux(instance)) {
            String unpriced = instance.instanceType() + ":" + instance.usageOperation();
            return instance.spot() == null ? unpriced : unpriced + "-spot";
        }
        if (instance.spot() == null) {
            return null;
        }
        BigDecimal price = spotPrices.current(instance.region(), instance.availabilityZone(), instance.instanceType());
        return price == null ? instance.instanceType() + "-spot" : price.toPlainString();
    }
}
