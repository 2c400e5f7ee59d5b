package dev.gureum.core.reserved;

import dev.gureum.core.store.RecordKind;

/** Where reservations live in the store. The names are persisted: never change them. */
public final class ReservedRecords {
    public static final RecordKind<ReservedInstance> RESERVED_INSTANCES =
            RecordKind.of("reserved-instances", ReservedInstance.class);
    public static final RecordKind<ReservedModification> MODIFICATIONS =
            RecordKind.of("reserved-instances-modification", ReservedModification.class);

    private ReservedRecords() {
    }
}
