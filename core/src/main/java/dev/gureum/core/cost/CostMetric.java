package dev.gureum.core.cost;

import dev.gureum.core.billing.LineItem;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The metrics GetCostAndUsage sums. For one account without credits or discounts, blended equals unblended
 * and the net costs equal their gross ones; amortized spreads reservations' upfront payments over their
 * reserved hours. A line without a known price adds nothing to a cost. A Savings Plan's negation lines offset
 * the cost of covered usage but not its quantity: the usage is counted once. The normalized usage amount is the
 * instance time in normalized units ({@link NormalizedUnits}); AWS gives it no unit ("N/A").
 */
public enum CostMetric {
    AMORTIZED_COST("AmortizedCost"), BLENDED_COST("BlendedCost"), NET_AMORTIZED_COST("NetAmortizedCost"),
    NET_UNBLENDED_COST("NetUnblendedCost"), NORMALIZED_USAGE_AMOUNT("NormalizedUsageAmount"),
    UNBLENDED_COST("UnblendedCost"), USAGE_QUANTITY("UsageQuantity");

    private final String wireName;

    CostMetric(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CostMetric> named(String name) {
        for (CostMetric metric : values()) {
            if (metric.wireName.equals(name)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    BigDecimal of(LineItem item, NormalizedUnits normalizedUnits) {
        BigDecimal value = switch (this) {
            case NORMALIZED_USAGE_AMOUNT -> normalizedUnits.of(item);
            case AMORTIZED_COST, NET_AMORTIZED_COST -> item.amortizedCost();
            case BLENDED_COST, NET_UNBLENDED_COST, UNBLENDED_COST -> item.unblendedCost();
            case USAGE_QUANTITY -> item.lineItemType().equals(LineItem.SAVINGS_PLAN_NEGATION) ? BigDecimal.ZERO
                    : item.usageQuantity();
        };
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The unit of the metric's sums: USD for a cost, the usage's unit ({@code usageUnit}, null when several). */
    String unit(String usageUnit) {
        return switch (this) {
            case USAGE_QUANTITY -> usageUnit == null ? "N/A" : usageUnit;
            case NORMALIZED_USAGE_AMOUNT -> "N/A";
            default -> "USD";
        };
    }
}
