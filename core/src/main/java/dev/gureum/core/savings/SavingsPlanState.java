package dev.gureum.core.savings;

/**
 * A Savings Plan's state, as DescribeSavingsPlans reports it. Payment-failed never happens here, nor do
 * pending-return and returned (ReturnSavingsPlan is not supported); they are states a caller may still ask for.
 */
public enum SavingsPlanState {
    PAYMENT_PENDING("payment-pending"), PAYMENT_FAILED("payment-failed"), ACTIVE("active"), RETIRED("retired"),
    QUEUED("queued"), QUEUED_DELETED("queued-deleted"),
    PENDING_RETURN("pending-return"), RETURNED("returned");

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
