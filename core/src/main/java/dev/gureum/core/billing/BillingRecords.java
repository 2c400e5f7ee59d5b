package dev.gureum.core.billing;

import dev.gureum.core.store.LedgerKind;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;

/** Where metered usage lives in the store. The names are persisted: never change them. */
public final class BillingRecords {
    /** The open period of each metered resource and usage type, keyed by {@code <resource>/<usage type>}. */
    public static final RecordKind<UsagePeriod> OPEN = RecordKind.of("usage-open", UsagePeriod.class);
    /**
     * Closed periods, and waivers of some of them, in the order they closed: written once with the change that
     * closed them, never changed.
     */
    public static final LedgerKind<UsageEntry> LEDGER = LedgerKind.of("usage-ledger", UsageEntry.class,
            new UsageEntryCodec());

    private BillingRecords() {
    }

    static RecordKey openKey(String account, String region, String resourceId, String usageType) {
        return new RecordKey(account, region, resourceId + "/" + usageType);
    }
}
