package dev.gureum.core.savings;

import dev.gureum.core.store.RecordKind;

/**
 * Where Savings Plans live in the store. The service is global, so plans are kept under one region name,
 * {@link #GLOBAL}, whatever region a request was signed for. The names are persisted: never change them.
 */
public final class SavingsRecords {
    public static final RecordKind<SavingsPlan> SAVINGS_PLANS = RecordKind.of("savings-plans", SavingsPlan.class);
    public static final String GLOBAL = "global";

    private SavingsRecords() {
    }
}
