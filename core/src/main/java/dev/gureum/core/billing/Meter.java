package dev.gureum.core.billing;

import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens and closes usage periods in the batch that changes the metered resource, so a transition and its
 * usage commit together or not at all: a crash can neither bill a second twice nor drop one. An open period
 * is a record of its own; a closed one is appended to the account's usage ledger, never to be changed.
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
        batch.append(BillingRecords.LEDGER, account, region, open.get().value().closedAt(at));
        batch.put(BillingRecords.OPEN, key, open.get().version(), next);
    }

    /**
     * Splits the open period of {@code usageType} at {@code at}: it closes there, and the same usage continues
     * priced as {@code nextSku} (a Spot price change). The part of the minimum the closed part did not use up
     * moves to the continuation, so a split never bills a minimum twice.
     */
    public void split(WriteBatch batch, String account, String region, String resourceId, String usageType,
                      Instant at, String nextSku) {
        if (!metering) {
            return;
        }
        var key = BillingRecords.openKey(account, region, resourceId, usageType);
        Optional<Versioned<UsagePeriod>> open = store.get(BillingRecords.OPEN, key);
        if (open.isEmpty() || !open.get().value().start().isBefore(at)) {
            return;
        }
        UsagePeriod period = open.get().value();
        long seconds = java.time.Duration.between(period.start(), at).toSeconds();
        UsagePeriod closed = new UsagePeriod(period.resourceId(), period.usageType(), period.pricedAs(), period.sku(),
                period.purchaseOption(), period.availabilityZone(), period.quantity(), period.start(), at,
                Math.min(period.minimumSeconds(), seconds));
        UsagePeriod next = new UsagePeriod(period.resourceId(), period.usageType(), period.pricedAs(), nextSku,
                period.purchaseOption(), period.availabilityZone(), period.quantity(), at, null,
                Math.max(0, period.minimumSeconds() - seconds));
        batch.append(BillingRecords.LEDGER, account, region, closed);
        batch.put(BillingRecords.OPEN, key, open.get().version(), next);
    }

    /**
     * Bills nothing of a resource's usage type since {@code since}: its open period goes without a closed one, and
     * the periods it was split into since then go too (a Spot Instance EC2 interrupted in its first hour).
     */
    public void discardSince(WriteBatch batch, String account, String region, String resourceId, String usageType,
                             Instant since) {
        if (!metering) {
            return;
        }
        var key = BillingRecords.openKey(account, region, resourceId, usageType);
        store.get(BillingRecords.OPEN, key).ifPresent(open -> batch.delete(BillingRecords.OPEN, key, open.version()));
        batch.append(BillingRecords.LEDGER, account, region, new UsageWaiver(resourceId, usageType, since));
    }

    /** The open period of a resource's usage type, if one is open. */
    public Optional<UsagePeriod> open(String account, String region, String resourceId, String usageType) {
        return store.get(BillingRecords.OPEN, BillingRecords.openKey(account, region, resourceId, usageType))
                .map(Versioned::value);
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
                batch.append(BillingRecords.LEDGER, account, region, closed);
            }
        }
    }
}
