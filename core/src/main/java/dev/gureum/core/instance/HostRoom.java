package dev.gureum.core.instance;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.runtime.HostCapacity;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for what the runtime's host can hold: instances occupying a host (pending, running, stopping,
 * shutting down) in every region and zone, plus the ones a launch or start adds, must stay within the
 * runtime's {@link HostCapacity} by vCPUs and by memory, both from the instance type catalog. A runtime with
 * no capacity (the simulation) holds anything. Past it EC2's InsufficientInstanceCapacity is the answer,
 * given before anything is recorded; the runtime's own check when it boots stays as a last guard against
 * concurrent launches.
 */
final class HostRoom {
    private HostRoom() {
    }

    /** How many more instances of the type the host holds ({@link Long#MAX_VALUE} when unbounded). */
    static long fitting(Optional<HostCapacity> capacity, InstanceUsage usage, LaunchCatalog.TypeFacts type) {
        if (capacity.isEmpty()) {
            return Long.MAX_VALUE;
        }
        InstanceUsage.HostLoad load = usage.hostLoad();
        long byVcpus = (capacity.get().vcpus() - load.vcpus()) / Math.max(1, type.vcpus());
        long byMemory = (capacity.get().memoryMebibytes() - load.memoryMebibytes()) / Math.max(1, type.memoryMebibytes());
        return Math.max(0, Math.min(byVcpus, byMemory));
    }

    /** Refuses, naming the first one's type and zone, when the host cannot hold the starting instances too. */
    static void requireRoomFor(Optional<HostCapacity> capacity, InstanceUsage usage, LaunchCatalog catalog,
                               List<Instance> starting) {
        if (capacity.isEmpty() || starting.isEmpty()) {
            return;
        }
        InstanceUsage.HostLoad load = usage.hostLoad();
        long vcpus = load.vcpus();
        long memory = load.memoryMebibytes();
        for (Instance instance : starting) {
            LaunchCatalog.TypeFacts type = catalog.type(instance.instanceType());
            vcpus += type.vcpus();
            memory += type.memoryMebibytes();
        }
        if (vcpus > capacity.get().vcpus() || memory > capacity.get().memoryMebibytes()) {
            throw insufficient(starting.get(0).instanceType(), starting.get(0).availabilityZone());
        }
    }

    /** EC2's answer when there is no room for the type in the zone. */
    static CloudException insufficient(String typeName, String zoneName) {
        return Ec2Error.INSUFFICIENT_INSTANCE_CAPACITY.exception("We currently do not have sufficient "
                + typeName + " capacity in the Availability Zone you requested (" + zoneName
                + "). Our system will be working on provisioning additional capacity. You can currently get "
                + typeName + " capacity by not specifying an Availability Zone in your request or choosing "
                + "a different Availability Zone.");
    }
}
