package dev.gureum.core.runtime;

/** Names one instance across the runtime boundary: its account, region and id. */
public record InstanceRef(String account, String region, String instanceId) {
}
