package dev.gureum.core.instance;

/**
 * The limits a launch is held to: instances per account and region (EC2's max-instances attribute,
 * answered InstanceLimitExceeded) and the vCPUs each availability zone's hosts can hold (answered
 * InsufficientInstanceCapacity).
 */
public record Quotas(int maxInstances, long zoneCapacityVcpus) {
    public static final Quotas DEFAULTS = new Quotas(20, 4096);
}
