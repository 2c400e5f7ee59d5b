package dev.gureum.core.network;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The network interfaces of instances following their instances' state changes, in the same batch. */
public final class InterfaceLifecycle {
    private final Store store;
    private final PublicAddressPool pool;

    public InterfaceLifecycle(Store store, PublicAddressPool pool) {
        this.store = store;
        this.pool = pool;
    }

    /**
     * Makes the interfaces of instances follow what happened to them, in the caller's batch: pool addresses
     * released at stop and drawn anew at start, Elastic IPs idle while their instance is stopped (as AWS bills
     * them) and in use again at its start; at termination, interfaces marked delete-on-termination
     * deleted with their addresses (an Elastic IP is disassociated and kept), the others detached.
     *
     * @param events what happened, by each instance's primary interface id
     */
    public void instancesChanged(WriteBatch batch, String account, String region, Map<String, InterfaceEvent> events,
                                 Instant at) {
        Map<String, List<Long>> freed = new LinkedHashMap<>();
        List<Versioned<NetworkInterface>> starting = new ArrayList<>();
        events.forEach((primaryId, event) -> {
            for (Versioned<NetworkInterface> versioned : AttachedInterfaces.of(store, account, region, primaryId)) {
                NetworkInterface eni = versioned.value();
                switch (event) {
                    case STOPPED -> {
                        if (eni.publicAddress() != null && eni.publicAddress().isElastic()) {
                            pool.use(batch, account, region, eni.publicIp(), false, at);
                        } else if (eni.publicAddress() != null) {
                            pool.release(batch, account, region, eni.publicIp(), at);
                            batch.put(NetworkRecords.NETWORK_INTERFACES, versioned.key(), versioned.version(),
                                    eni.withPublicAddress(null));
                        }
                    }
                    case STARTING -> {
                        if (eni.publicAddress() != null && eni.publicAddress().isElastic()) {
                            pool.use(batch, account, region, eni.publicIp(), true, at);
                        } else if (eni.autoPublicIp() && eni.publicAddress() == null
                                && eni.attachment().deviceIndex() == 0) {
                            starting.add(versioned);
                        }
                    }
                    case TERMINATED -> terminated(batch, versioned, freed, at);
                }
            }
        });
        if (!starting.isEmpty()) {
            List<String> publicIps = pool.claim(batch, account, region, starting.stream().map(eni -> eni.value().id())
                    .toList(), true, at);
            for (int index = 0; index < starting.size(); index++) {
                Versioned<NetworkInterface> versioned = starting.get(index);
                batch.put(NetworkRecords.NETWORK_INTERFACES, versioned.key(), versioned.version(), versioned.value()
                        .withPublicAddress(new NetworkInterface.PublicAddress(publicIps.get(index), null, null)));
            }
        }
        freed.forEach((subnetId, addresses) -> store.get(NetworkRecords.SUBNETS, new RecordKey(account, region, subnetId))
                .ifPresent(subnet -> batch.put(NetworkRecords.SUBNETS, subnet.key(), subnet.version(),
                        subnet.value().withAllocated(addresses, false))));
    }

    private void terminated(WriteBatch batch, Versioned<NetworkInterface> versioned, Map<String, List<Long>> freed,
                            Instant at) {
        NetworkInterface eni = versioned.value();
        if (eni.publicAddress() != null && eni.publicAddress().isElastic()) {
            ElasticAddressService.disassociate(store, pool, batch, eni.ownerId(), eni.region(),
                    eni.publicAddress().allocationId(), at);
        } else if (eni.publicAddress() != null) {
            pool.release(batch, eni.ownerId(), eni.region(), eni.publicIp(), at);
        }
        if (eni.attachment().deleteOnTermination()) {
            batch.delete(NetworkRecords.NETWORK_INTERFACES, versioned.key(), versioned.version());
            freed.computeIfAbsent(eni.subnetId(), unused -> new ArrayList<>()).addAll(SubnetAddresses.of(eni));
        } else {
            batch.put(NetworkRecords.NETWORK_INTERFACES, versioned.key(), versioned.version(),
                    eni.detached());
        }
    }
}
