package dev.gureum.core.billing;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.usage.OpenUsage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Brings usage a data directory recorded before the usage ledger into today's places, once, at start-up, in one
 * batch: each closed period that was a record of its own ({@code usage}) is appended to the ledger, and each open
 * period of an instance's running time or a public address, which now ride in their own records, moves into the
 * running instance or the address claim that carries it now, or closes at {@code now} where the instance no longer
 * runs or the address is no longer claimed. Nothing is billed twice or dropped; a store without such records is
 * left as it is. (Volumes and snapshots keep their open-period records.)
 */
public final class UsageMigration {
    /** The closed periods' record kind before the ledger; read here only. */
    private static final RecordKind<UsagePeriod> CLOSED_RECORDS = RecordKind.of("usage", UsagePeriod.class);

    private UsageMigration() {
    }

    /** Migrates what there is; returns how many periods moved. */
    public static int run(Store store, Instant now) {
        WriteBatch batch = new WriteBatch();
        int moved = 0;
        for (Versioned<UsagePeriod> closed : store.listAll(CLOSED_RECORDS)) {
            batch.append(BillingRecords.LEDGER, closed.key().account(), closed.key().region(), closed.value());
            batch.delete(CLOSED_RECORDS, closed.key(), closed.version());
            moved++;
        }
        Map<String, Versioned<NetworkRecords.AddressClaim>> claims = new HashMap<>();
        for (Versioned<NetworkRecords.AddressClaim> claim : store.listAll(NetworkRecords.PUBLIC_ADDRESSES)) {
            claims.put(claim.key().region() + "/" + claim.value().holderId(), claim);
        }
        for (Versioned<UsagePeriod> open : store.listAll(BillingRecords.OPEN)) {
            Boolean carried = switch (open.value().pricedAs()) {
                case INSTANCE_HOURS, SPOT_HOURS -> moveIntoInstance(store, batch, open);
                case ADDRESS_HOURS -> moveIntoClaim(batch, open, claims.get(open.key().region() + "/"
                        + open.value().resourceId()));
                default -> null;
            };
            if (carried == null) {
                continue;
            }
            if (!carried) {
                batch.append(BillingRecords.LEDGER, open.key().account(), open.key().region(),
                        open.value().closedAt(now));
            }
            batch.delete(BillingRecords.OPEN, open.key(), open.version());
            moved++;
        }
        if (!batch.isEmpty()) {
            store.apply(batch);
        }
        return moved;
    }

    private static boolean moveIntoInstance(Store store, WriteBatch batch, Versioned<UsagePeriod> open) {
        RecordKey key = new RecordKey(open.key().account(), open.key().region(),
                open.value().resourceId());
        return store.get(InstanceRecords.INSTANCES, key)
                .filter(instance -> instance.value().state() == InstanceState.RUNNING && instance.value().usage() == null)
                .map(instance -> {
                    Instance carrying = instance.value().withUsage(new OpenUsage(open.value().start(), open.value().sku(),
                            open.value().minimumSeconds()));
                    batch.put(InstanceRecords.INSTANCES, key, instance.version(), carrying);
                    return true;
                }).orElse(false);
    }

    private static boolean moveIntoClaim(WriteBatch batch, Versioned<UsagePeriod> open,
                                         Versioned<NetworkRecords.AddressClaim> claim) {
        if (claim == null || claim.value().usage() != null) {
            return false;
        }
        boolean inUse = open.value().usageType().endsWith("InUseAddress");
        batch.put(NetworkRecords.PUBLIC_ADDRESSES, claim.key(), claim.version(), new NetworkRecords.AddressClaim(
                claim.value().holderId(), open.key().account(), inUse, new OpenUsage(open.value().start(),
                open.value().sku(), 0)));
        return true;
    }
}
