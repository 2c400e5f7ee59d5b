package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.WriteBatch;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public IPv4 addresses of each region: a block of the operator's choosing (by default
 * {@value #DEFAULT_POOL}, reserved for benchmarking and never routed on the internet), handed out to
 * interfaces and Elastic IPs across all accounts. Each address in use has a claim record, written with
 * the caller's batch and checked by compare-and-set, so two holders can never get the same address. A
 * cursor per region walks the block, so an address released is not handed out again at once.
 */
public final class PublicAddressPool {
    public static final String DEFAULT_POOL = "198.18.0.0/15";

    private final Store store;
    private final Ipv4Cidr pool;
    private final PublicAddressLedger ledger;
    private final Map<String, AtomicLong> cursors = new ConcurrentHashMap<>();

    public PublicAddressPool(Store store, Ipv4Cidr pool, PublicAddressLedger ledger) {
        if (pool.prefixLength() > 30) {
            throw new IllegalArgumentException("a public address pool needs at least 4 addresses: " + pool);
        }
        this.store = store;
        this.pool = pool;
        this.ledger = ledger;
    }

    public Ipv4Cidr block() {
        return pool;
    }

    /**
     * Claims free addresses for {@code holders} of the account (one each, in order) in {@code batch}, held
     * from {@code at} in use (an instance's interface) or idle (an Elastic IP not yet associated).
     *
     * @throws dev.gureum.core.error.CloudException {@code InsufficientAddressCapacity} when the pool runs dry
     */
    public List<String> claim(WriteBatch batch, String account, String region, List<String> holders, boolean inUse,
                              Instant at) {
        List<String> claimed = new ArrayList<>(holders.size());
        AtomicLong cursor = cursors.computeIfAbsent(region, unused -> new AtomicLong());
        long usable = pool.size() - 2;
        for (long tried = 0; claimed.size() < holders.size(); tried++) {
            if (tried >= usable) {
                throw Ec2Error.INSUFFICIENT_ADDRESS_CAPACITY.exception("There are not enough free public addresses in"
                        + " the pool " + pool + " to satisfy the request.");
            }
            String address = Ipv4Cidr.formatAddress(pool.addressAt(1 + Math.floorMod(cursor.getAndIncrement(), usable)));
            if (store.get(NetworkRecords.PUBLIC_ADDRESSES, key(region, address)).isEmpty()) {
                String holder = holders.get(claimed.size());
                batch.put(NetworkRecords.PUBLIC_ADDRESSES, key(region, address), WriteBatch.ABSENT,
                        new NetworkRecords.AddressClaim(holder, account, inUse, ledger.opened(at)));
                claimed.add(address);
            }
        }
        return claimed;
    }

    /** The account's address goes into use or out of it (an Elastic IP associated or disassociated). */
    public void use(WriteBatch batch, String account, String region, String address, boolean inUse, Instant at) {
        store.get(NetworkRecords.PUBLIC_ADDRESSES, key(region, address)).ifPresent(claim -> {
            NetworkRecords.AddressClaim held = claim.value();
            if (held.inUse() != inUse) {
                ledger.ended(batch, account, region, held.holderId(), held.inUse(), held.usage(), at);
                batch.put(NetworkRecords.PUBLIC_ADDRESSES, claim.key(), claim.version(),
                        held.with(inUse, ledger.opened(at)));
            }
        });
    }

    /** Gives the account's address back to the pool at {@code at} (in {@code batch}). */
    public void release(WriteBatch batch, String account, String region, String address, Instant at) {
        store.get(NetworkRecords.PUBLIC_ADDRESSES, key(region, address)).ifPresent(claim -> ledger.ended(batch,
                account, region, claim.value().holderId(), claim.value().inUse(), claim.value().usage(), at));
        batch.delete(NetworkRecords.PUBLIC_ADDRESSES, key(region, address), WriteBatch.ANY);
    }

    private static RecordKey key(String region, String address) {
        return new RecordKey(NetworkRecords.EVERY_ACCOUNT, region, address);
    }
}
