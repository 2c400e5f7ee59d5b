package dev.gureum.core.cost;

import dev.gureum.core.billing.LineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * GetSavingsPlansCoverage's numbers for one period and group: the on-demand cost of the eligible instance
 * usage a Savings Plan covered ({@code SavingsPlanCoveredUsage} lines) and of the eligible usage left on
 * demand ({@code Usage} lines of instance time); usage reservations covered is not eligible.
 */
public record SavingsPlansCoverage(Instant start, Instant end, Map<String, String> attributes,
                                   BigDecimal spendCovered, BigDecimal onDemandCost) {

    public BigDecimal totalCost() {
        return spendCovered.add(onDemandCost);
    }

    public BigDecimal coveragePercentage() {
        return SavingsPlansAggregates.percent(spendCovered, totalCost());
    }

    /** Whether a line is eligible usage: instance time on demand or covered by a plan. */
    static boolean eligible(LineItem item) {
        return item.usageType().contains("BoxUsage:") && item.unblendedCost() != null
                && (item.lineItemType().equals(LineItem.SAVINGS_PLAN_COVERED_USAGE)
                || item.lineItemType().equals(LineItem.USAGE) && item.purchaseOption().equals("OnDemand"));
    }

    SavingsPlansCoverage plus(LineItem item) {
        return item.lineItemType().equals(LineItem.SAVINGS_PLAN_COVERED_USAGE)
                ? new SavingsPlansCoverage(start, end, attributes, spendCovered.add(item.unblendedCost()), onDemandCost)
                : new SavingsPlansCoverage(start, end, attributes, spendCovered, onDemandCost.add(item.unblendedCost()));
    }
}
