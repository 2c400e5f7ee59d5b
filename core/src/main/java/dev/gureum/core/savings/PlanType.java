package dev.gureum.core.savings;

import java.util.Optional;

/**
 * The Savings Plans Gureum sells: Compute plans apply to instance usage of any family in any region; EC2
 * Instance plans to one family in one region, at a deeper discount. (AWS's SageMaker plans cover no usage
 * Gureum has.)
 */
public enum PlanType {
    COMPUTE("Compute", "ComputeSavingsPlans"), EC2_INSTANCE("EC2Instance", "EC2InstanceSavingsPlans");

    private final String wireName;
    private final String serviceCode;

    PlanType(String wireName, String serviceCode) {
        this.wireName = wireName;
        this.serviceCode = serviceCode;
    }

    public String wireName() {
        return wireName;
    }

    /** The offering's service code, as the cost and usage report's product code names the plan's fees. */
    public String serviceCode() {
        return serviceCode;
    }

    public static Optional<PlanType> fromWireName(String name) {
        for (PlanType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
