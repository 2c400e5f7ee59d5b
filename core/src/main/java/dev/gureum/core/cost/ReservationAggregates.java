package dev.gureum.core.cost;

import dev.gureum.core.billing.ReservationUse;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * GetReservationUtilization's aggregates over some reservation-buckets, as Cost Explorer defines them:
 * purchased, used and unused hours (and normalized units), utilization in percent, the fees amortized over
 * the hours (upfront spread over the term, recurring), the on-demand cost of the usage covered, net savings
 * (that cost less the fees), potential savings (the reserved hours at on-demand price less the fees), the
 * cost of the unused hours (their share of the fees), realized savings (on-demand cost of the used hours less
 * their share of the fees) and unrealized savings (potential less realized). A share of the fees is taken per
 * reservation and bucket and then summed ({@code costForUnusedHours}): reservations with different prices do not
 * share one rate.
 */
public record ReservationAggregates(BigDecimal purchasedHours, BigDecimal actualHours, BigDecimal purchasedUnits,
                                    BigDecimal actualUnits, BigDecimal amortizedUpfrontFee,
                                    BigDecimal amortizedRecurringFee, BigDecimal onDemandCostOfUsedHours,
                                    BigDecimal onDemandCostOfPurchasedHours, BigDecimal costForUnusedHours) {
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    static ReservationAggregates of(List<ReservationUse> uses) {
        BigDecimal purchased = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal purchasedUnits = BigDecimal.ZERO;
        BigDecimal actualUnits = BigDecimal.ZERO;
        BigDecimal upfront = BigDecimal.ZERO;
        BigDecimal recurring = BigDecimal.ZERO;
        BigDecimal onDemandUsed = BigDecimal.ZERO;
        BigDecimal onDemandPurchased = BigDecimal.ZERO;
        BigDecimal unusedFees = BigDecimal.ZERO;
        for (ReservationUse use : uses) {
            BigDecimal factor = use.normalizationFactor() == null ? BigDecimal.ONE : use.normalizationFactor();
            purchased = purchased.add(use.reservedHours());
            actual = actual.add(use.usedHours());
            purchasedUnits = purchasedUnits.add(use.reservedHours().multiply(factor));
            actualUnits = actualUnits.add(use.usedHours().multiply(factor));
            upfront = upfront.add(use.amortizedUpfrontFee());
            recurring = recurring.add(use.recurringFee());
            onDemandUsed = onDemandUsed.add(use.onDemandCostOfUsedHours());
            unusedFees = unusedFees.add(share(use.amortizedUpfrontFee().add(use.recurringFee()),
                    use.reservedHours().subtract(use.usedHours()), use.reservedHours()));
            if (use.onDemandHourly() != null) {
                // rounded as the bill rounds the used hours' on-demand cost, so full use leaves no unrealized crumb
                onDemandPurchased = onDemandPurchased.add(use.onDemandHourly().multiply(use.reservedHours())
                        .setScale(10, java.math.RoundingMode.HALF_UP));
            }
        }
        return new ReservationAggregates(purchased, actual, purchasedUnits, actualUnits, upfront, recurring,
                onDemandUsed, onDemandPurchased, unusedFees);
    }

    public BigDecimal unusedHours() {
        return purchasedHours.subtract(actualHours);
    }

    public BigDecimal unusedUnits() {
        return purchasedUnits.subtract(actualUnits);
    }

    public BigDecimal utilizationPercentage() {
        return percent(actualHours, purchasedHours);
    }

    public BigDecimal utilizationPercentageInUnits() {
        return percent(actualUnits, purchasedUnits);
    }

    public BigDecimal totalAmortizedFee() {
        return amortizedUpfrontFee.add(amortizedRecurringFee);
    }

    public BigDecimal netRiSavings() {
        return onDemandCostOfUsedHours.subtract(totalAmortizedFee());
    }

    public BigDecimal totalPotentialRiSavings() {
        return onDemandCostOfPurchasedHours.subtract(totalAmortizedFee());
    }

    public BigDecimal realizedSavings() {
        return onDemandCostOfUsedHours.subtract(totalAmortizedFee().subtract(costForUnusedHours));
    }

    public BigDecimal unrealizedSavings() {
        return totalPotentialRiSavings().subtract(realizedSavings());
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, PRECISION)
                        .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** {@code amount × part / whole}, to the bill's ten decimal places. */
    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO : amount.multiply(part).divide(whole, PRECISION)
                .setScale(10, java.math.RoundingMode.HALF_UP);
    }
}
