package dev.gureum.core.billing;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceFollower;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.CloudClock;
import java.util.List;

/**
 * Meters instance time from lifecycle transitions: a period opens when an instance becomes running and
 * closes when it leaves running (stopping, shutting down, stopped, terminated), in the batch that moves it.
 * Linux instances are billed per second with a minimum of 60 seconds per start.
 */
public final class InstanceMeter implements InstanceFollower {
    static final long LINUX_MINIMUM_SECONDS = 60;

    private final Meter meter;
    private final CloudClock clock;

    public InstanceMeter(Meter meter, CloudClock clock) {
        this.meter = meter;
        this.clock = clock;
    }

    @Override
    public Runnable follow(WriteBatch batch, List<Instance[]> moves) {
        for (Instance[] move : moves) {
            boolean wasRunning = move[0].state() == InstanceState.RUNNING;
            boolean isRunning = move[1].state() == InstanceState.RUNNING;
            Instance instance = move[1];
            String usageType = UsageTypes.boxUsage(instance.region(), instance.instanceType());
            if (!wasRunning && isRunning) {
                meter.open(batch, instance.ownerId(), instance.region(), new UsagePeriod(instance.id(), usageType,
                        UsagePeriod.PricedAs.INSTANCE_HOURS, instance.instanceType(), "OnDemand",
                        instance.availabilityZone(), 1, clock.now(), null, LINUX_MINIMUM_SECONDS));
            } else if (wasRunning && !isRunning) {
                meter.close(batch, instance.ownerId(), instance.region(), instance.id(),
                        UsageTypes.boxUsage(move[0].region(), move[0].instanceType()), clock.now());
            }
        }
        return NOTHING_AFTER;
    }
}
