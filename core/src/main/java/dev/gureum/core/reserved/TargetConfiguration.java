package dev.gureum.core.reserved;

/**
 * One target of ModifyReservedInstances as the request gives it (null when absent): the instance count
 * (required), the type, the scope ({@code Region} or {@code Availability Zone}) and the zone.
 */
public record TargetConfiguration(Integer instanceCount, String instanceType, String scope, String availabilityZone) {
}
