package dev.gureum.core.cost;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GetReservationCoverage: how much of the account's instance time reservations covered, per bucket and over the
 * period, from the bill's line items (so its numbers are the bill's). Eligible time is on-demand instance usage
 * ({@code BoxUsage}): what a reservation covered ({@code DiscountedUsage}) is reserved, the rest on demand,
 * including what a Savings Plan covered (no reservation did); Spot time is not eligible. Normalized units are
 * {@link NormalizedUnits}.
 */
public final class ReservationCoverages {
    private final CostExplorer explorer;

    public ReservationCoverages(CostExplorer explorer) {
        this.explorer = explorer;
    }

    /**
     * The coverage per bucket of {@code granularity} (one of the whole period when null), then over the whole
     * period (the last element).
     */
    public List<ReservationCoverage> coverage(String account, Instant start, Instant end, Granularity granularity,
                                              CostFilter filter) {
        explorer.requireReservationCoveragePeriod(start, end, granularity);
        Granularity buckets = granularity == null ? Granularity.MONTHLY : granularity;
        Map<Instant, ReservationCoverage> byBucket = new LinkedHashMap<>();
        if (granularity != null) {
            for (Granularity.Window window : granularity.windows(start, end)) {
                byBucket.put(window.bucket(), ReservationCoverage.none(window.start(), window.end()));
            }
        }
        ReservationCoverage[] whole = {ReservationCoverage.none(start, end)};
        explorer.eachMatching(account, start, end, buckets, filter, false, (item, scope) -> {
            String instanceType = NormalizedUnits.instanceType(item.usageType(),
                    NormalizedUnits.ON_DEMAND_INSTANCE_USAGE);
            if (instanceType == null || !NormalizedUnits.ranInstances(item.lineItemType())) {
                return;
            }
            boolean reserved = item.lineItemType().equals(LineItem.DISCOUNTED_USAGE);
            BigDecimal hours = item.usageQuantity();
            BigDecimal units = explorer.normalizedUnits().of(instanceType, hours);
            BigDecimal cost = reserved || item.unblendedCost() == null ? BigDecimal.ZERO : item.unblendedCost();
            whole[0] = whole[0].plus(reserved, hours, units, cost);
            byBucket.computeIfPresent(item.bucketStart(), (unused, bucket) -> bucket.plus(reserved, hours, units,
                    cost));
        });
        List<ReservationCoverage> result = new ArrayList<>(byBucket.values());
        if (granularity == null) {
            result.add(whole[0]);
        }
        result.add(whole[0]);
        return result;
    }
}
