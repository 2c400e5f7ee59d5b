package dev.gureum.core.cost;

import dev.gureum.core.billing.SavingsPlanUse;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * GetSavingsPlansUtilization's numbers over some plan-hours: the commitment in force, the part of it used and
 * unused, utilization in percent; the on-demand cost of the covered usage and the net savings (that cost less
 * the amortized commitment); the commitment amortized, in its recurring and upfront parts.
 */
public record SavingsPlansAggregates(BigDecimal totalCommitment, BigDecimal usedCommitment,
                                     BigDecimal onDemandCostEquivalent, BigDecimal amortizedRecurringCommitment,
                                     BigDecimal amortizedUpfrontCommitment) {

    /** Nothing committed nor used. */
    public static final SavingsPlansAggregates NONE = new SavingsPlansAggregates(BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    static SavingsPlansAggregates of(List<SavingsPlanUse> uses) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal onDemand = BigDecimal.ZERO;
        BigDecimal recurring = BigDecimal.ZERO;
        BigDecimal upfront = BigDecimal.ZERO;
        for (SavingsPlanUse use : uses) {
            total = total.add(use.commitment());
            used = used.add(use.usedCommitment());
            onDemand = onDemand.add(use.onDemandCostEquivalent());
            recurring = recurring.add(use.recurringCommitment());
            upfront = upfront.add(use.amortizedUpfrontCommitment());
        }
        return new SavingsPlansAggregates(total, used, onDemand, recurring, upfront);
    }

    /** These and {@code other} together (the plans of a total, say): every figure is a sum or follows from sums. */
    public SavingsPlansAggregates plus(SavingsPlansAggregates other) {
        return new SavingsPlansAggregates(totalCommitment.add(other.totalCommitment),
                usedCommitment.add(other.usedCommitment), onDemandCostEquivalent.add(other.onDemandCostEquivalent),
                amortizedRecurringCommitment.add(other.amortizedRecurringCommitment),
                amortizedUpfrontCommitment.add(other.amortizedUpfrontCommitment));
    }

    public BigDecimal unusedCommitment() {
        return totalCommitment.subtract(usedCommitment);
    }

    public BigDecimal utilizationPercentage() {
        return percent(usedCommitment, totalCommitment);
    }

    public BigDecimal totalAmortizedCommitment() {
        return amortizedRecurringCommitment.add(amortizedUpfrontCommitment);
    }

    public BigDecimal netSavings() {
        return onDemandCostEquivalent.subtract(totalAmortizedCommitment());
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, MathContext.DECIMAL64)
                        .setScale(2, RoundingMode.HALF_UP);
    }
}
