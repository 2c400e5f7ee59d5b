package dev.gureum.core.billing;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceFollower;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.StateReason;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.CloudClock;
import java.util.List;

/**
 * Meters instance time from lifecycle transitions: a period opens when an instance becomes running and
 * closes when it leaves running (stopping, shutting down, stopped, terminated), in the batch that moves it.
 * Linux instances are billed per second with a minimum of 60 seconds per start; Spot Instances as
 * {@code SpotUsage:<type>} at the Spot price in force (a price change splits the period: {@link Meter#split}).
 */
public final class InstanceMeter implements InstanceFollower {
    static final long LINUX_MINIMUM_SECONDS = 60;
    private static final java.time.Duration FIRST_HOUR = java.time.Duration.ofHours(1);

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

    /** The usage type an instance's running time is metered as. */
    public static String usageType(Instance instance) {
        return instance.spot() != null ? UsageTypes.spotUsage(instance.region(), instance.instanceType())
                : UsageTypes.boxUsage(instance.region(), instance.instanceType());
    }

    @Override
    public Runnable follow(WriteBatch batch, List<Instance[]> moves) {
        for (Instance[] move : moves) {
            boolean wasRunning = move[0].state() == InstanceState.RUNNING;
            boolean isRunning = move[1].state() == InstanceState.RUNNING;
            Instance instance = move[1];
            if (!wasRunning && isRunning) {
                meter.open(batch, instance.ownerId(), instance.region(), period(instance));
            } else if (wasRunning && !isRunning && interruptedInFirstHour(instance)) {
                meter.discardSince(batch, instance.ownerId(), instance.region(), instance.id(), usageType(move[0]),
                        instance.launchTime());
            } else if (wasRunning && !isRunning) {
                meter.close(batch, instance.ownerId(), instance.region(), instance.id(), usageType(move[0]),
                        clock.now());
            }
        }
        return NOTHING_AFTER;
    }

    /**
     * A Spot Instance EC2 interrupts (its state reason is EC2's Spot one) within an hour of its launch or start costs
     * nothing, as AWS bills Linux Spot Instances; one its owner stops or terminates is billed per second as usual.
     */
    private boolean interruptedInFirstHour(Instance instance) {
        return instance.spot() != null && instance.stateReason() != null
                && (instance.stateReason().equals(StateReason.SPOT_TERMINATION)
                        || instance.stateReason().equals(StateReason.SPOT_SHUTDOWN))
                && clock.now().isBefore(instance.launchTime().plus(FIRST_HOUR));
    }

    private UsagePeriod period(Instance instance) {
        if (instance.spot() != null) {
            java.math.BigDecimal price = spotPrices.current(instance.region(), instance.availabilityZone(),
                    instance.instanceType());
            // a Spot Instance without a market price is a visible gap (no sku price), never free
            return new UsagePeriod(instance.id(), usageType(instance), price == null
                    ? UsagePeriod.PricedAs.INSTANCE_HOURS : UsagePeriod.PricedAs.SPOT_HOURS,
                    price == null ? instance.instanceType() + "-spot" : price.toPlainString(), "Spot",
                    instance.availabilityZone(), 1, clock.now(), null, LINUX_MINIMUM_SECONDS);
        }
        return new UsagePeriod(instance.id(), usageType(instance), UsagePeriod.PricedAs.INSTANCE_HOURS,
                instance.instanceType(), "OnDemand", instance.availabilityZone(), 1, clock.now(), null,
                LINUX_MINIMUM_SECONDS);
    }
}
