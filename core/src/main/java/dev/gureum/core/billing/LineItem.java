package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the bill: a resource's usage of one usage type within one time bucket (an hour, a day or a
 * month), its quantity in the usage type's unit ({@code Hrs}, {@code GB-Mo}, as AWS abbreviates them) and
 * its unblended cost; the cost is null when no list price is known. {@code lineItemType} is the cost and
 * usage report's: {@code Usage} at on-demand rates, {@code DiscountedUsage} for instance time a reservation
 * covered (its cost is in the reservation's fees), {@code RIFee} for a reservation's recurring hourly charge
 * over every hour it is active, used or not, and {@code Fee} for a one-time upfront payment.
 * {@code amortizedCost} spreads upfront payments over the term: a fee amortizes to nothing, discounted usage
 * costs the reservation's effective rate (recurring plus its share of the upfront price), and a reservation's
 * {@code RIFee} line keeps the effective cost of its unused hours; otherwise it is the unblended cost. {@code purchaseOption} is {@code OnDemand}, {@code StandardReserved} or
 * {@code ConvertibleReserved}, or {@code SavingsPlan} for a Savings Plan's lines: {@code SavingsPlanCoveredUsage}
 * (instance time a plan covered, at its on-demand cost, amortized to the plan's rate), {@code SavingsPlanNegation}
 * (the same cost and quantity negated), {@code SavingsPlanRecurringFee} (the commitment's hourly part, every hour;
 * amortized, the commitment left unused) and {@code SavingsPlanUpfrontFee} (the upfront payment, amortized to
 * nothing).
 */
public record LineItem(String region, String usageType, String resourceId, String purchaseOption,
                       String availabilityZone, Instant bucketStart, BigDecimal usageQuantity, String unit,
                       BigDecimal unblendedCost, String lineItemType, BigDecimal amortizedCost) {
    public static final String USAGE = "Usage";
    public static final String DISCOUNTED_USAGE = "DiscountedUsage";
    public static final String RI_FEE = "RIFee";
    public static final String FEE = "Fee";
    public static final String SAVINGS_PLAN_COVERED_USAGE = "SavingsPlanCoveredUsage";
    public static final String SAVINGS_PLAN_NEGATION = "SavingsPlanNegation";
    public static final String SAVINGS_PLAN_RECURRING_FEE = "SavingsPlanRecurringFee";
    public static final String SAVINGS_PLAN_UPFRONT_FEE = "SavingsPlanUpfrontFee";
    /** The purchase option of a Savings Plan's lines. */
    public static final String SAVINGS_PLAN = "SavingsPlan";
}
