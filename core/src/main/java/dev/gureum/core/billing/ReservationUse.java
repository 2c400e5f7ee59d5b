package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How one reservation was used in one bucket: its reserved instance-hours and the part of them that covered
 * usage (both in the reservation's own type), its normalization factor (null when its type has none), what
 * it cost (recurring charge and the upfront price amortized over those hours) and what the usage it covered
 * would have cost on demand. GetReservationUtilization sums these.
 */
public record ReservationUse(String reservationId, String region, String instanceType, Instant bucketStart,
                             BigDecimal reservedHours, BigDecimal usedHours, BigDecimal normalizationFactor,
                             BigDecimal recurringFee, BigDecimal amortizedUpfrontFee, BigDecimal onDemandCostOfUsedHours,
                             BigDecimal onDemandHourly) {
}
