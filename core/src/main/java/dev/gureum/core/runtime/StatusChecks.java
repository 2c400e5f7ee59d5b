package dev.gureum.core.runtime;

/**
 * The runtime's view of an instance's two EC2 status checks: the system check (the host and its network can
 * reach the instance) and the instance check (the instance's own software answers).
 */
public record StatusChecks(boolean systemReachable, boolean instanceReachable) {
    public static final StatusChecks HEALTHY = new StatusChecks(true, true);
}
