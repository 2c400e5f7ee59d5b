package dev.gureum.core.reserved;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.instance.CapacityHolds;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceLaunches;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The zone capacity zonal reservations keep for their owners (EC2: "a zonal Reserved Instance provides a
 * capacity reservation in the specified Availability Zone"). An owner's active or pending zonal reservation
 * of {@code n} instances of a type holds {@code n} × its vCPUs in the zone, less what the owner's own
 * instances of that type there already occupy; other accounts' launches cannot use what is held, and a
 * zonal purchase needs that much free capacity ({@code InsufficientReservedInstanceCapacity}).
 */
public final class ReservedCapacity implements CapacityHolds {
    private final Store store;
    private final ToIntFunction<String> vcpusOfType;
    private final Supplier<Instant> now;

    public ReservedCapacity(Store store, ToIntFunction<String> vcpusOfType, Supplier<Instant> now) {
        this.store = store;
        this.vcpusOfType = vcpusOfType;
        this.now = now;
    }

    @Override
    public long vcpusHeldForOthers(String account, String region, String zone) {
        return heldByOwner(region, zone).entrySet().stream().filter(owner -> !owner.getKey().equals(account))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Refuses a zonal purchase the zone cannot hold: its capacity less what runs there and what other
     * reservations hold must fit {@code instanceCount} instances of the type.
     */
    public void requireRoom(String account, String region, String zone, String instanceType, int instanceCount,
                     long zoneCapacityVcpus, long usedVcpus) {
        long heldByAll = heldByOwner(region, zone).values().stream().mapToLong(Long::longValue).sum();
        long needed = (long) instanceCount * vcpusOfType.applyAsInt(instanceType);
        if (zoneCapacityVcpus - usedVcpus - heldByAll < needed) {
            throw Ec2Error.INSUFFICIENT_RESERVED_INSTANCE_CAPACITY.exception("There is not enough capacity in "
                    + zone + " to reserve " + instanceCount + " " + instanceType + " instance(s).");
        }
    }

    /** The vCPUs each owner's zonal reservations hold in the zone beyond what its own instances there use. */
    private Map<String, Long> heldByOwner(String region, String zone) {
        Instant at = now.get();
        Map<String, Map<String, Long>> reservedByOwnerAndType = new HashMap<>();
        for (Versioned<ReservedInstance> versioned : store.listAll(ReservedRecords.RESERVED_INSTANCES)) {
            ReservedInstance reserved = versioned.value();
            ReservedState state = reserved.state(at);
            if (versioned.key().region().equals(region) && zone.equals(reserved.availabilityZone())
                    && (state == ReservedState.ACTIVE || state == ReservedState.PAYMENT_PENDING)) {
                reservedByOwnerAndType.computeIfAbsent(versioned.key().account(), unused -> new HashMap<>())
                        .merge(reserved.instanceType(), (long) reserved.instanceCount(), Long::sum);
            }
        }
        Map<String, Long> held = new HashMap<>();
        for (Map.Entry<String, Map<String, Long>> owner : reservedByOwnerAndType.entrySet()) {
            Map<String, Long> running = new HashMap<>();
            for (Versioned<Instance> versioned : store.list(InstanceRecords.INSTANCES, owner.getKey(), region)) {
                Instance instance = versioned.value();
                if (zone.equals(instance.availabilityZone()) && InstanceLaunches.occupiesHost(instance.state())) {
                    running.merge(instance.instanceType(), 1L, Long::sum);
                }
            }
            long vcpus = 0;
            for (Map.Entry<String, Long> reserved : owner.getValue().entrySet()) {
                long unused = Math.max(0, reserved.getValue() - running.getOrDefault(reserved.getKey(), 0L));
                vcpus += unused * vcpusOfType.applyAsInt(reserved.getKey());
            }
            held.put(owner.getKey(), vcpus);
        }
        return held;
    }
}
