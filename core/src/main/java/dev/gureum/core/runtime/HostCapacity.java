package dev.gureum.core.runtime;

/**
 * What a runtime's one host admits in total, over every region and zone it runs instances for, its
 * overcommit included: the vCPUs and the memory of the instances it holds at once.
 */
public record HostCapacity(long vcpus, long memoryMebibytes) {
}
