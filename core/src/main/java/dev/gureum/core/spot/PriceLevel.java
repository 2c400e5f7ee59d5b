package dev.gureum.core.spot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One change of a zone's Spot market: from {@code time} on, an instance type's Spot price there is its on-demand
 * price × ({@code level} + its {@code demand} premium, if it has one), at most the on-demand price. The level
 * follows the zone's use; the premium follows the type's own Spot demand in the zone ({@link SpotPricing}).
 */
public record PriceLevel(String zone, BigDecimal level, Instant time, Map<String, BigDecimal> demand) {

    public PriceLevel {
        demand = demand == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(demand));
    }

    /** The fraction of on-demand a type pays under this change. */
    public BigDecimal levelOf(String instanceType) {
        BigDecimal premium = demand.get(instanceType);
        return premium == null ? level : level.add(premium).min(BigDecimal.ONE);
    }
}
