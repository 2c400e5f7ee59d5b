package dev.gureum.core.reserved;

import dev.gureum.core.store.RecordKind;

/** Where reservations live in the store. The names are persisted: never change them. */
public final class ReservedRecords {
    public static final RecordKind<ReservedInstance> RESERVED_INSTANCES =
            RecordKind.of("reserved-instances", ReservedInstance.class);
    public static final RecordKind<ReservedModification> MODIFICATIONS =
            RecordKind.of("reserved-instances-modification", ReservedModification.class);
    /** How many Reserved Instances an account bought in a month, per region (regional) or zone (zonal). */
    public static final RecordKind<MonthlyPurchases> MONTHLY_PURCHASES =
            RecordKind.of("reserved-instances-monthly-purchases", MonthlyPurchases.class);

    /** The instances bought in one month for one scope (the key's id: {@code <yyyy-MM>/<region or zone>}). */
    public record MonthlyPurchases(int instanceCount) {
    }

    private ReservedRecords() {
    }
}
