package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The Savings Plans a bill applies to instance usage after reservations, and their rates. */
public interface SavingsPlanSource {
    /** No Savings Plans at all. */
    SavingsPlanSource NONE = new SavingsPlanSource() {
        @Override
        public List<BilledSavingsPlan> savingsPlans(String account) {
            return List.of();
        }

        @Override
        public Optional<BigDecimal> rate(BilledSavingsPlan plan, String region, String instanceType) {
            return Optional.empty();
        }
    };

    /** Every plan of the account that was or will be in force (a queued purchase deleted before its start is not). */
    List<BilledSavingsPlan> savingsPlans(String account);

    /** What an hour of {@code instanceType} in {@code region} costs under the plan; empty when it does not cover it. */
    Optional<BigDecimal> rate(BilledSavingsPlan plan, String region, String instanceType);
}
