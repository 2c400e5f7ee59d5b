package dev.gureum.core.runtime;

/**
 * A runtime whose instances' load and health can be set from outside (the simulated runtime): what tests and
 * learners drive through {@code POST /_gureum/load} and {@code POST /_gureum/impair}. Instances are named by
 * id alone (ids are unique across accounts and regions).
 */
public interface SyntheticLoad {

    /**
     * What a simulated instance does while it runs: CPU as a percentage of all its vCPUs, network bytes per
     * second in and out, disk bytes per second read and written (its EBS volumes' reads and writes).
     */
    record Load(double cpuPercent, double networkInBytesPerSecond, double networkOutBytesPerSecond,
                double diskReadBytesPerSecond, double diskWriteBytesPerSecond) {
        /** An idle instance: 0.5 % CPU and a trickle of network traffic (ARP, DHCP, NTP). */
        public static final Load IDLE = new Load(0.5, 200, 150, 0, 0);
    }

    /** Sets an instance's load from now on; false when the runtime does not know the instance. */
    boolean setLoad(String instanceId, Load load);

    /** The instance's current load, or null when the runtime does not know the instance. */
    Load load(String instanceId);

    /** Sets whether the instance's system and instance status checks fail; false when the instance is unknown. */
    boolean impair(String instanceId, boolean systemImpaired, boolean instanceImpaired);
}
