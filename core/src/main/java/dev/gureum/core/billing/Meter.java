package dev.gureum.core.billing;

import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.usage.OpenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens and closes usage periods in the batch that changes the metered resource, so a transition and its
 * usage commit together or not at all: a crash can neither bill a second twice nor drop one. A closed period is
 * appended to the account's usage ledger, never to be changed. An open one is a record of its own, unless it
 * rides in the record of the resource it meters ({@link dev.gureum.core.usage.OpenUsage}: running instances and
 * claimed public addresses, whose meters hand closed stretches to {@link #closed} and {@link #split}).
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
        closed(batch, account, region, open.get().value().closedAt(at));
        batch.put(BillingRecords.OPEN, key, open.get().version(), next);
    }

    /** Whether usage is metered at all (not under {@code --metering off}). */
    public boolean metering() {
        return metering;
    }

    /**
     * Appends a closed period to the account's usage ledger; one that lasted no time and bills no minimum
     * leaves nothing (it would cost nothing, and one like it may close at the same instant again).
     */
    public void closed(WriteBatch batch, String account, String region, UsagePeriod closed) {
        if (metering && (closed.minimumSeconds() > 0 || closed.start().isBefore(closed.end()))) {
            batch.append(BillingRecords.LEDGER, account, region, closed);
        }
    }

    /**
     * Splits an open stretch at {@code at}: the part before closes into the ledger, and the same usage goes on
     * priced as {@code nextSku} (a Spot price change). The part of the minimum the closed part did not use up
     * moves to the continuation, so a split never bills a minimum twice. Returns the continuation.
     */
    public OpenUsage split(WriteBatch batch, String account, String region, UsagePeriod open, Instant at,
                           String nextSku) {
        long seconds = Duration.between(open.start(), at).toSeconds();
        closed(batch, account, region, new UsagePeriod(open.resourceId(), open.usageType(), open.pricedAs(),
                open.sku(), open.purchaseOption(), open.availabilityZone(), open.quantity(), open.start(), at,
                Math.min(open.minimumSeconds(), seconds)));
        return new OpenUsage(at, nextSku, Math.max(0, open.minimumSeconds() - seconds));
    }

    /**
     * Bills nothing of a resource's usage type since {@code since}: the periods it was split into since then are
     * waived in the ledger (a Spot Instance EC2 interrupted in its first hour; its open stretch is simply not
     * closed into the ledger).
     */
    public void waive(WriteBatch batch, String account, String region, String resourceId, String usageType,
                      Instant since) {
        if (metering) {
            batch.append(BillingRecords.LEDGER, account, region, new UsageWaiver(resourceId, usageType, since));
        }
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
            batch.delete(BillingRecords.OPEN, key, open.get().version());
            closed(batch, account, region, open.get().value().closedAt(at));
        }
    }
}
