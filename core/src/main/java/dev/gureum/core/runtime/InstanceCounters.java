package dev.gureum.core.runtime;

/**
 * An instance's cumulative resource counters as its runtime measures them: CPU time used (seconds, all vCPUs
 * together), network bytes and packets in and out, and disk reads and writes (bytes and operations) — of the
 * instance's local disks ({@code disk*}) and of its EBS volumes together ({@code ebs*}). They only grow while
 * the instance runs; the metric publisher turns differences between samples into CloudWatch datapoints.
 */
public record InstanceCounters(double cpuSeconds, long networkBytesIn, long networkBytesOut, long networkPacketsIn,
                               long networkPacketsOut, long diskReadBytes, long diskWriteBytes, long diskReadOps,
                               long diskWriteOps, long ebsReadBytes, long ebsWriteBytes, long ebsReadOps,
                               long ebsWriteOps) {
}
