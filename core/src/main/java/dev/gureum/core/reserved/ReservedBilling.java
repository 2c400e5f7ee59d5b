package dev.gureum.core.reserved;

import dev.gureum.core.billing.BilledReservation;
import dev.gureum.core.billing.ReservationSource;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The account's reservations as the bill applies them. */
public final class ReservedBilling implements ReservationSource {
    private final Store store;
    private final NormalizationFactors factors;

    public ReservedBilling(Store store, NormalizationFactors factors) {
        this.store = store;
        this.factors = factors;
    }

    @Override
    public List<BilledReservation> reservations(String account) {
        List<BilledReservation> found = new ArrayList<>();
        for (Versioned<ReservedInstance> versioned : store.listAll(ReservedRecords.RESERVED_INSTANCES)) {
            ReservedInstance reserved = versioned.value();
            if (versioned.key().account().equals(account) && !reserved.deletedWhileQueued()) {
                found.add(new BilledReservation(reserved.id(), versioned.key().region(), reserved.instanceType(),
                        reserved.availabilityZone(), reserved.instanceCount(), reserved.start(),
                        reserved.effectiveEnd(), reserved.hourlyPrice(),
                        reserved.upfrontCharge(), NormalizationFactors.sizeFlexible(reserved.instanceType()),
                        reserved.offeringClass() == OfferingClass.STANDARD ? "StandardReserved" : "ConvertibleReserved",
                        reserved.fixedPrice().divide(BigDecimal.valueOf(reserved.term().hours()),
                                java.math.MathContext.DECIMAL64)));
            }
        }
        return found;
    }

    @Override
    public Optional<BigDecimal> normalizationFactor(String instanceType) {
        return factors.of(instanceType);
    }
}
