package dev.gureum.core.spot;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change of a zone's Spot market: from {@code time} on, every instance type's Spot price there is its
 * on-demand price × {@code level} (a fraction between {@link SpotPricing#FLOOR} and 1).
 */
public record PriceLevel(String zone, BigDecimal level, Instant time) {
}
