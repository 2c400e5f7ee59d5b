package dev.gureum.core.billing;

import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens and closes usage periods in the batch that changes the metered resource, so a transition and its
 * usage commit together or not at all: a crash can neither bill a second twice nor drop one.
 */
public final class Meter {
    private final Store store;
    private final boolean metering;

    public Meter(Store store) {
        this(store, true);
    }

    private Meter(Store store, boolean metering) {
        this.store = store;
        this.metering = metering;
    }

    /** A meter that records nothing (`gureum serve --metering off`): no usage, so bills stay empty. */
    public static Meter off(Store store) {
        return new Meter(store, false);
    }

    /** Starts metering a resource (nothing changes if a period of that usage type is already open). */
    public void open(WriteBatch batch, String account, String region, UsagePeriod period) {
        if (!metering) {
            return;
        }
        var key = BillingRecords.openKey(account, region, period.resourceId(), period.usageType());
        if (store.get(BillingRecords.OPEN, key).isEmpty()) {
            batch.put(BillingRecords.OPEN, key, WriteBatch.ABSENT, period);
        }
    }

    /**
     * Ends the open period of {@code usageType} at {@code at} and opens {@code next} (a reshaped resource: the
     * same or another usage type), in one batch.
     */
    public void replace(WriteBatch batch, String account, String region, String usageType, UsagePeriod next,
                        Instant at) {
        if (!metering) {
            return;
        }
        var key = BillingRecords.openKey(account, region, next.resourceId(), usageType);
        Optional<Versioned<UsagePeriod>> open = store.get(BillingRecords.OPEN, key);
        if (open.isEmpty() || !usageType.equals(next.usageType())) {
            close(batch, account, region, next.resourceId(), usageType, at);
            open(batch, account, region, next);
            return;
        }
        UsagePeriod closed = open.get().value().closedAt(at);
        batch.put(BillingRecords.CLOSED, BillingRecords.closedKey(account, region, closed), WriteBatch.ABSENT, closed);
        batch.put(BillingRecords.OPEN, key, open.get().version(), next);
    }

    /**
     * Stops metering a resource's usage type at {@code at}: its open period becomes a closed one. A period
     * that lasted no time and bills no minimum leaves nothing behind (it would cost nothing, and one like it
     * may close at the same instant again).
     */
    public void close(WriteBatch batch, String account, String region, String resourceId, String usageType,
                      Instant at) {
        if (!metering) {
            return;
        }
        var key = BillingRecords.openKey(account, region, resourceId, usageType);
        Optional<Versioned<UsagePeriod>> open = store.get(BillingRecords.OPEN, key);
        if (open.isPresent()) {
            UsagePeriod closed = open.get().value().closedAt(at);
            batch.delete(BillingRecords.OPEN, key, open.get().version());
            if (closed.minimumSeconds() > 0 || closed.start().isBefore(at)) {
                batch.put(BillingRecords.CLOSED, BillingRecords.closedKey(account, region, closed), WriteBatch.ABSENT,
                        closed);
            }
        }
    }
}
