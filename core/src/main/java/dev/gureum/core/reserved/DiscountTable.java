package dev.gureum.core.reserved;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a reservation costs relative to the on-demand price. AWS publishes RI prices per type, region and
 * offering, not a formula; Gureum derives them from the on-demand list price with the effective discounts
 * typical of AWS's published Linux RI prices (the EC2 Reserved Instances pricing page, e.g. m5/m6i/m7i in
 * us-east-1, 2024-2026): the effective hourly rate (upfront spread over the term's hours, plus the
 * recurring hourly charge) is the on-demand price less
 *
 * <pre>
 *                    No Upfront  Partial Upfront  All Upfront
 * standard    1 year     37 %          40 %           42 %
 * standard    3 years    57 %          59 %           61 %
 * convertible 1 year     27 %          30 %           32 %
 * convertible 3 years    47 %          51 %           54 %
 * </pre>
 *
 * All Upfront is one payment and no hourly charge; Partial Upfront pays half of the term's cost up front and
 * the other half hourly; No Upfront pays it all hourly. Upfront prices are whole dollars (as AWS shows them,
 * e.g. 491.0), hourly charges have four decimals, both rounded half up.
 */
public final class DiscountTable {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private DiscountTable() {
    }

    /** The effective discount as a fraction of the on-demand price. */
    public static BigDecimal discount(OfferingClass offeringClass, Term term, PaymentOption payment) {
        int[] percents = switch (offeringClass) {
            case STANDARD -> term == Term.ONE_YEAR ? new int[] {42, 40, 37} : new int[] {61, 59, 57};
            case CONVERTIBLE -> term == Term.ONE_YEAR ? new int[] {32, 30, 27} : new int[] {54, 51, 47};
        };
        return BigDecimal.valueOf(percents[payment.ordinal()], 2);
    }

    /** The upfront and hourly prices of one instance of an offering whose type costs {@code onDemand} an hour. */
    public static Prices prices(BigDecimal onDemand, OfferingClass offeringClass, Term term, PaymentOption payment) {
        BigDecimal effectiveHourly = onDemand.multiply(BigDecimal.ONE.subtract(discount(offeringClass, term, payment)));
        BigDecimal termCost = effectiveHourly.multiply(BigDecimal.valueOf(term.hours()));
        return switch (payment) {
            case ALL_UPFRONT -> new Prices(dollars(termCost), BigDecimal.ZERO.setScale(4));
            case PARTIAL_UPFRONT -> new Prices(dollars(termCost.multiply(HALF)), hourly(effectiveHourly.multiply(HALF)));
            case NO_UPFRONT -> new Prices(BigDecimal.ZERO.setScale(2), hourly(effectiveHourly));
        };
    }

    /** One instance's upfront payment in USD and its recurring charge in USD per hour. */
    public record Prices(BigDecimal fixed, BigDecimal hourly) {
    }

    private static BigDecimal dollars(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP).setScale(2);
    }

    private static BigDecimal hourly(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP);
    }
}
