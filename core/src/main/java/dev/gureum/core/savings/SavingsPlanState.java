package dev.gureum.core.savings;

/** A Savings Plan's state, as DescribeSavingsPlans reports it (payment-failed never happens here). */
public enum SavingsPlanState {
    PAYMENT_PENDING("payment-pending"), PAYMENT_FAILED("payment-failed"), ACTIVE("active"), RETIRED("retired"),
    QUEUED("queued"), QUEUED_DELETED("queued-deleted");

    private final String wireName;

    SavingsPlanState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static java.util.Optional<SavingsPlanState> fromWireName(String name) {
        for (SavingsPlanState state : values()) {
            if (state.wireName.equals(name)) {
                return java.util.Optional.of(state);
            }
        }
        return java.util.Optional.empty();
    }
}
