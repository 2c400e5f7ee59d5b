package dev.gureum.core.billing;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;

/** Where metered usage lives in the store. The names are persisted: never change them. */
public final class BillingRecords {
    /** The open period of each metered resource and usage type, keyed by {@code <resource>/<usage type>}. */
    public static final RecordKind<UsagePeriod> OPEN = RecordKind.of("usage-open", UsagePeriod.class);
    /** Closed periods, keyed by {@code <resource>/<usage type>@<start epoch ms>}: written once, never changed. */
    public static final RecordKind<UsagePeriod> CLOSED = RecordKind.of("usage", UsagePeriod.class);

    private BillingRecords() {
    }

    static RecordKey openKey(String account, String region, String resourceId, String usageType) {
        return new RecordKey(account, region, resourceId + "/" + usageType);
    }

    static RecordKey closedKey(String account, String region, UsagePeriod period) {
        return new RecordKey(account, region, period.resourceId() + "/" + period.usageType() + "@"
                + period.start().toEpochMilli());
    }
}
