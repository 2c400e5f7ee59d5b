package dev.gureum.core.reserved;

/** A reservation's state, as DescribeReservedInstances reports it. */
public enum ReservedState {
    QUEUED("queued"), QUEUED_DELETED("queued-deleted"), PAYMENT_PENDING("payment-pending"), ACTIVE("active"),
    RETIRED("retired");

    private final String wireName;

    ReservedState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
