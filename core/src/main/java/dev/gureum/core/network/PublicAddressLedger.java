package dev.gureum.core.network;

import dev.gureum.core.store.WriteBatch;
import java.time.Instant;

/**
 * Hears, in the batch that makes the change, when an account starts or stops holding a public IPv4 address
 * and when a held address goes into or out of use, so what it records commits with the change or not at all
 * (billing meters address-hours from it).
 */
public interface PublicAddressLedger {

    /**
     * The account holds {@code address} for {@code holder} (an interface, an Elastic IP allocation) from
     * {@code at}, in use or idle; called again when it goes from one to the other.
     */
    void held(WriteBatch batch, String account, String region, String holder, boolean inUse, Instant at);

    /** The account gave the address of {@code holder} back at {@code at}. */
    void released(WriteBatch batch, String account, String region, String holder, Instant at);
}
