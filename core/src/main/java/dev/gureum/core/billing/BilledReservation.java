package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reservation as the bill applies it: {@code instanceCount} instances of a type in a region, or in one zone
 * ({@code availabilityZone} non-null), from {@code start} until {@code end} (its term's end or its
 * retirement), with its recurring charge per instance-hour and its one-time charge at start.
 * {@code sizeFlexible} regional reservations cover other sizes of their family by normalization factor.
 * {@code purchaseOption} names it on its lines ({@code StandardReserved} or {@code ConvertibleReserved});
 * {@code amortizedUpfrontHourly} is its upfront price spread over its term, per instance-hour.
 */
public record BilledReservation(String id, String region, String instanceType, String availabilityZone,
                                int instanceCount, Instant start, Instant end, BigDecimal hourlyPrice,
                                BigDecimal upfrontCharge, boolean sizeFlexible, String purchaseOption,
                                BigDecimal amortizedUpfrontHourly) {
}
