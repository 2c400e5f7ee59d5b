package dev.gureum.core.savings;

import dev.gureum.core.billing.UsageTypes;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import java.util.List;

/**
 * A Savings Plan offering: a plan type, term and payment option, and for an EC2 Instance plan its region and
 * instance family ({@code region} and {@code family} are null for a Compute plan). Offerings are computed from
 * the price list, never stored; everything shown about one follows from these coordinates.
 */
public record SavingsOffering(PlanType planType, Term term, PaymentOption payment, String region, String family) {
    public static final String CURRENCY = "USD";

    /** {@code 1yrNoUpfront}, {@code 3yrPartialUpfront}: the term and payment as usage types spell them. */
    public String termAndPayment() {
        return (term == Term.ONE_YEAR ? "1yr" : "3yr") + payment.wireName().replace(" ", "");
    }

    /** The usage type of the plan's fees, e.g. {@code ComputeSP:1yrNoUpfront} or {@code EC2SP:m5.3yrAllUpfront}. */
    public String usageType() {
        return UsageTypes.savingsPlan(region, family, termAndPayment());
    }

    /** As the cost and usage report describes the plan: {@code 1 year No Upfront t3 EC2 Instance Savings Plan in us-east-2}. */
    public String description() {
        String years = term == Term.ONE_YEAR ? "1 year " : "3 year ";
        return switch (planType) {
            case COMPUTE -> years + payment.wireName() + " Compute Savings Plan";
            case EC2_INSTANCE -> years + payment.wireName() + " " + family + " EC2 Instance Savings Plan in " + region;
        };
    }

    /** The products whose usage the plan may cover, as AWS lists them. */
    public List<String> productTypes() {
        return planType == PlanType.COMPUTE ? List.of("EC2", "Fargate", "Lambda") : List.of("EC2");
    }

    /** Whether the plan may cover an hour of {@code instanceType} in {@code usageRegion}. */
    public boolean covers(String usageRegion, String instanceType) {
        return planType == PlanType.COMPUTE
                || region.equals(usageRegion) && family.equals(familyOf(instanceType));
    }

    /** The family of an instance type: {@code m7i} of {@code m7i.large}. */
    public static String familyOf(String instanceType) {
        int dot = instanceType.indexOf('.');
        return dot > 0 ? instanceType.substring(0, dot) : instanceType;
    }
}
