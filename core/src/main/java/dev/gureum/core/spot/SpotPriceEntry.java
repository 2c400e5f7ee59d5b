package dev.gureum.core.spot;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of DescribeSpotPriceHistory: a type's Spot price in a zone from {@code time} on. */
public record SpotPriceEntry(String instanceType, String productDescription, String availabilityZone,
                             BigDecimal price, Instant time) {
}
