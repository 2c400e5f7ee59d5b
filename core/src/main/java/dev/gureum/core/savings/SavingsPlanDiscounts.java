package dev.gureum.core.savings;

import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A Savings Plan's rate for an instance-hour relative to the on-demand price. AWS publishes the rates per
 * type, region and plan, not a formula; Gureum derives them from the Linux on-demand list price with the
 * discounts typical of AWS's published Savings Plans rates (the Savings Plans pricing page, Linux m5 and m7i
 * in us-east-1, 2024-2026: e.g. m5.large at $0.096 on demand, Compute 1-year No Upfront $0.069, EC2 Instance
 * 1-year No Upfront $0.060, 3-year $0.048 and $0.041). The rate is the on-demand price less
 *
 * <pre>
 *                      No Upfront  Partial Upfront  All Upfront
 * Compute       1 year     28 %          31 %           33 %
 * Compute       3 years    50 %          52 %           54 %
 * EC2 Instance  1 year     37 %          40 %           42 %
 * EC2 Instance  3 years    57 %          59 %           61 %
 * </pre>
 *
 * rounded half up to four decimals (so small types' savings percentages differ slightly, as AWS's do). The
 * payment option changes the rate, not how the commitment is spent: a plan's hourly commitment buys usage at
 * these rates whatever part of it was paid up front.
 */
public final class SavingsPlanDiscounts {
    private SavingsPlanDiscounts() {
    }

    /** The discount as a fraction of the on-demand price. */
    public static BigDecimal discount(PlanType type, Term term, PaymentOption payment) {
        int[] percents = switch (type) {
            case COMPUTE -> term == Term.ONE_YEAR ? new int[] {33, 31, 28} : new int[] {54, 52, 50};
            case EC2_INSTANCE -> term == Term.ONE_YEAR ? new int[] {42, 40, 37} : new int[] {61, 59, 57};
        };
        return BigDecimal.valueOf(percents[payment.ordinal()], 2);
    }

    /** The plan's rate for an hour of a type that costs {@code onDemand} an hour; empty if it rounds to nothing. */
    public static Optional<BigDecimal> rate(BigDecimal onDemand, PlanType type, Term term, PaymentOption payment) {
        BigDecimal rate = onDemand.multiply(BigDecimal.ONE.subtract(discount(type, term, payment)))
                .setScale(4, RoundingMode.HALF_UP);
        return rate.signum() > 0 ? Optional.of(rate) : Optional.empty();
    }
}
