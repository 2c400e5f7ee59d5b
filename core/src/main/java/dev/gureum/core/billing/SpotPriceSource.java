package dev.gureum.core.billing;

import java.math.BigDecimal;

/** The Spot price in force for an instance type in a zone, which a Spot Instance's time is metered at. */
@FunctionalInterface
public interface SpotPriceSource {
    SpotPriceSource NONE = (region, zone, instanceType) -> null;

    /** The price per instance-hour now, or null when there is no market for the type there. */
    BigDecimal current(String region, String zone, String instanceType);
}
