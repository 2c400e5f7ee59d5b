package dev.gureum.core.instance;

/**
 * Capacity in a zone kept for particular accounts, which other accounts' launches cannot take: the unused
 * part of zonal Reserved Instances, whose capacity AWS reserves for their owner.
 */
public interface CapacityHolds {
    CapacityHolds NONE = (account, region, zone) -> 0;

    /** The vCPUs of the zone held for accounts other than {@code account}. */
    long vcpusHeldForOthers(String account, String region, String zone);
}
