package dev.gureum.core.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The reservations a bill applies to instance usage, and the normalization factors size flexibility uses. */
public interface ReservationSource {
    /** No reservations at all. */
    ReservationSource NONE = new ReservationSource() {
        @Override
        public List<BilledReservation> reservations(String account) {
            return List.of();
        }

        @Override
        public Optional<BigDecimal> normalizationFactor(String instanceType) {
            return Optional.empty();
        }
    };

    /** Every reservation of the account in every region, retired ones included. */
    List<BilledReservation> reservations(String account);

    Optional<BigDecimal> normalizationFactor(String instanceType);
}
