package dev.gureum.core.network;

import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.usage.OpenUsage;
import java.time.Instant;

/**
 * Meters the public IPv4 addresses an account holds. The stretch being metered rides in the address's claim
 * record, which the pool writes anyway when an address is claimed, goes into or out of use, or is released; the
 * ledger says what a claim carries and records each stretch that ends, in the batch that ends it, so what it
 * records commits with the change or not at all.
 */
public interface PublicAddressLedger {

    /** What a claim made or changed at {@code at} carries as its open stretch (null when nothing is metered). */
    OpenUsage opened(Instant at);

    /** The account held {@code holder}'s address, in use or idle, from the stretch's start until {@code at}. */
    void ended(WriteBatch batch, String account, String region, String holder, boolean inUse, OpenUsage stretch,
               Instant at);
}
