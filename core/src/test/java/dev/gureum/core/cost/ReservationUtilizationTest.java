package dev.gureum.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.reserved.OfferingClass;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.ReservedTestWorlds;
import dev.gureum.core.reserved.Term;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetReservationUtilization's aggregates from the bill's hour-by-hour application, exact on the manual clock. */
class ReservationUtilizationTest {
    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
    private final ReservedTestWorlds.World world = ReservedTestWorlds.create();
    private final CostExplorer explorer = new CostExplorer(world.bills(), world.clock());

    @Test
    void twoReservedInstancesOneUsedAreHalfUtilized() {
        world.buy("m7i.large", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 2);
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.clock().advance(Duration.ofHours(2));
        List<CostExplorer.Utilization> result = explorer.reservationUtilization(ReservedTestWorlds.ACCOUNT, DAY,
                DAY.plus(Duration.ofDays(1)), Granularity.DAILY, true);
        assertEquals(2, result.size(), "one day, then the total");
        ReservationAggregates total = result.get(1).aggregates();
        assertEquals(0, new BigDecimal("4").compareTo(total.purchasedHours()));
        assertEquals(0, new BigDecimal("2").compareTo(total.actualHours()));
        assertEquals(0, new BigDecimal("50").compareTo(total.utilizationPercentage()));
        assertEquals(0, new BigDecimal("16").compareTo(total.purchasedUnits()), "m7i.large is 4 units");
        assertEquals(0, new BigDecimal("0.2016").compareTo(total.onDemandCostOfUsedHours()));
        assertEquals(0, new BigDecimal("0.254").compareTo(total.totalAmortizedFee()), "4 h × 0.0635");
        assertEquals(0, new BigDecimal("-0.0524").compareTo(total.netRiSavings()));
        assertEquals(0, new BigDecimal("0.1492").compareTo(total.totalPotentialRiSavings()), "4 × 0.1008 − 0.254");
        assertEquals(0, new BigDecimal("0.127").compareTo(total.costForUnusedHours()));
        assertEquals(1, result.get(1).groups().size(), "one reservation");
        assertEquals(0, new BigDecimal("50").compareTo(result.get(1).groups().get(0).aggregates()
                .utilizationPercentage()));
    }

    @Test
    void withReservationsOfDifferentPricesTheTotalsAreTheSumsOfTheirGroups() {
        world.buy("m7i.large", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 1);
        world.buy("t3.micro", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 1);
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.clock().advance(Duration.ofHours(2));
        CostExplorer.Utilization whole = explorer.reservationUtilization(ReservedTestWorlds.ACCOUNT, DAY,
                DAY.plus(Duration.ofDays(1)), null, true).get(0);
        assertEquals(2, whole.groups().size());
        BigDecimal unused = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (CostExplorer.ReservationGroup group : whole.groups()) {
            unused = unused.add(group.aggregates().costForUnusedHours());
            realized = realized.add(group.aggregates().realizedSavings());
            unrealized = unrealized.add(group.aggregates().unrealizedSavings());
        }
        ReservationAggregates total = whole.aggregates();
        assertEquals(0, unused.compareTo(total.costForUnusedHours()), "the unused t3.micro's fees, not a mean rate's: "
                + unused + " vs " + total.costForUnusedHours());
        assertEquals(0, realized.compareTo(total.realizedSavings()));
        assertEquals(0, unrealized.compareTo(total.unrealizedSavings()));
        assertTrue(total.unrealizedSavings().signum() >= 0, "never below nothing: " + total.unrealizedSavings());
    }

    @Test
    void anXlargeReservationCoveringOneLargeIsHalfUsed() {
        world.buy("m7i.xlarge", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 1);
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.clock().advance(Duration.ofHours(1));
        ReservationAggregates total = explorer.reservationUtilization(ReservedTestWorlds.ACCOUNT, DAY,
                DAY.plus(Duration.ofDays(1)), null, false).get(0).aggregates();
        assertEquals(0, new BigDecimal("0.5").compareTo(total.actualHours()), "4 of its 8 units");
        assertEquals(0, new BigDecimal("50").compareTo(total.utilizationPercentageInUnits()));
        assertEquals(0, new BigDecimal("0.1008").compareTo(total.onDemandCostOfUsedHours()));
    }
}
