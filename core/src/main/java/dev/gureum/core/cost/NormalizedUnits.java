package dev.gureum.core.cost;

import dev.gureum.core.billing.LineItem;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Instance time in normalized units, which let sizes of a family be added up: hours × the instance type's
 * normalization factor (an xlarge hour is 8 units, a large one 4), 1 for a type without one. Only instance
 * time counts: the lines of usage that ran ({@code Usage}, {@code DiscountedUsage}, {@code SavingsPlanCoveredUsage})
 * whose usage type is an instance type's ({@code BoxUsage:}, {@code SpotUsage:}); storage, addresses and fees are
 * none.
 */
final class NormalizedUnits {
    static final String ON_DEMAND_INSTANCE_USAGE = "BoxUsage:";
    private static final String SPOT_INSTANCE_USAGE = "SpotUsage:";

    private final Function<String, Optional<BigDecimal>> factor;

    NormalizedUnits(Function<String, Optional<BigDecimal>> factor) {
        this.factor = factor;
    }

    /** The line's instance time in normalized units; zero for a line that is not instance time. */
    BigDecimal of(LineItem item) {
        if (!ranInstances(item.lineItemType())) {
            return BigDecimal.ZERO;
        }
        String type = instanceType(item.usageType(), ON_DEMAND_INSTANCE_USAGE);
        if (type == null) {
            type = instanceType(item.usageType(), SPOT_INSTANCE_USAGE);
        }
        return type == null ? BigDecimal.ZERO : of(type, item.usageQuantity());
    }

    /** {@code hours} of {@code instanceType} in normalized units. */
    BigDecimal of(String instanceType, BigDecimal hours) {
        return hours.multiply(factor.apply(instanceType).orElse(BigDecimal.ONE));
    }

    /** Whether lines of the type are time that instances ran (not a fee, nor a Savings Plan's negation). */
    static boolean ranInstances(String lineItemType) {
        return lineItemType.equals(LineItem.USAGE) || lineItemType.equals(LineItem.DISCOUNTED_USAGE)
                || lineItemType.equals(LineItem.SAVINGS_PLAN_COVERED_USAGE);
    }

    /** The instance type a usage type names after {@code prefix} (with or without a region's code), or null. */
    static String instanceType(String usageType, String prefix) {
        int at = usageType.indexOf(prefix);
        return at < 0 ? null : usageType.substring(at + prefix.length());
    }
}
