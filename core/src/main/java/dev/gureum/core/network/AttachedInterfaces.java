package dev.gureum.core.network;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.ArrayList;
import java.util.List;

/** Everything attached to an instance: its primary interface and those its record lists, each read by key. */
final class AttachedInterfaces {
    private AttachedInterfaces() {
    }

    static List<Versioned<NetworkInterface>> of(Store store, String account, String region, String primaryId) {
        List<Versioned<NetworkInterface>> together = new ArrayList<>();
        store.get(NetworkRecords.NETWORK_INTERFACES, new RecordKey(account, region, primaryId)).ifPresent(primary -> {
            together.add(primary);
            for (String secondaryId : primary.value().secondaryInterfaceIds()) {
                store.get(NetworkRecords.NETWORK_INTERFACES, new RecordKey(account, region, secondaryId))
                        .filter(secondary -> secondary.value().attachment() != null)
                        .ifPresent(together::add);
            }
        });
        return together;
    }
}
