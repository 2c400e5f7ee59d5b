package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A month of an account's usage summed per region and usage type, with the total of what has a price.
 * Usage without a known price is listed with a null cost and left out of the total, never counted as free.
 */
public record MonthlyBill(String account, YearMonth month, List<Charge> charges, BigDecimal total) {

    /** One region's usage of one usage type and line item type in the month. */
    public record Charge(String region, String usageType, String lineItemType, BigDecimal quantity, String unit,
                         BigDecimal cost) {
    }

    static MonthlyBill of(String account, YearMonth month, List<LineItem> items) {
        Map<String, Charge> byType = new LinkedHashMap<>();
        for (LineItem item : items) {
            byType.merge(item.region() + " " + item.usageType() + " " + item.lineItemType(),
                    new Charge(item.region(), item.usageType(), item.lineItemType(), item.usageQuantity(), item.unit(),
                            item.unblendedCost()),
                    (a, b) -> new Charge(a.region(), a.usageType(), a.lineItemType(), a.quantity().add(b.quantity()),
                            a.unit(),
                            a.cost() == null || b.cost() == null ? null : a.cost().add(b.cost())));
        }
        List<Charge> charges = new ArrayList<>(byType.values());
        charges.sort(java.util.Comparator.comparing(Charge::region).thenComparing(Charge::usageType)
                .thenComparing(Charge::lineItemType));
        BigDecimal total = charges.stream().map(Charge::cost).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MonthlyBill(account, month, charges, total);
    }

    /** Whether every charge has a price, so the total is the whole bill. */
    public boolean complete() {
        return charges.stream().allMatch(charge -> charge.cost() != null);
    }
}
