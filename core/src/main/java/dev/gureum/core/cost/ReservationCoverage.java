package dev.gureum.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * GetReservationCoverage's figures over a time: the instance hours that ran on demand and under reservations, the
 * same in normalized units, and what the hours on demand cost. A percentage is of the total running hours (units),
 * 0 when nothing ran.
 */
public record ReservationCoverage(Instant start, Instant end, BigDecimal onDemandHours, BigDecimal reservedHours,
                                  BigDecimal onDemandUnits, BigDecimal reservedUnits, BigDecimal onDemandCost) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static ReservationCoverage none(Instant start, Instant end) {
        return new ReservationCoverage(start, end, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /** With {@code hours} more run, in {@code units} normalized units, reserved or on demand at {@code cost}. */
    ReservationCoverage plus(boolean reserved, BigDecimal hours, BigDecimal units, BigDecimal cost) {
        return reserved
                ? new ReservationCoverage(start, end, onDemandHours, reservedHours.add(hours), onDemandUnits,
                        reservedUnits.add(units), onDemandCost)
                : new ReservationCoverage(start, end, onDemandHours.add(hours), reservedHours,
                        onDemandUnits.add(units), reservedUnits, onDemandCost.add(cost));
    }

    public BigDecimal totalRunningHours() {
        return onDemandHours.add(reservedHours);
    }

    public BigDecimal totalRunningUnits() {
        return onDemandUnits.add(reservedUnits);
    }

    public BigDecimal hoursPercentage() {
        return percentage(reservedHours, totalRunningHours());
    }

    public BigDecimal unitsPercentage() {
        return percentage(reservedUnits, totalRunningUnits());
    }

    private static BigDecimal percentage(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO
                : part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64).setScale(8, RoundingMode.HALF_UP);
    }
}
