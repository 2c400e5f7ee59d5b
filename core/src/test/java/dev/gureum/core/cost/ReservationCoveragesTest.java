package dev.gureum.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.reserved.ReservedTestWorlds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GetReservationCoverage: an RI covering one of two matching instances covers half of their hours. */
class ReservationCoveragesTest {
    private final ReservedTestWorlds.World world = ReservedTestWorlds.create();
    private final ReservationCoverages coverages = new ReservationCoverages(new CostExplorer(world.bills(),
            world.clock(), account -> ResourceTags.NONE,
            type -> type.endsWith(".large") ? Optional.of(new BigDecimal("4")) : Optional.empty()));

    private static void assertAmount(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual);
    }

    @Test
    void oneOfTwoMatchingInstancesIsCoveredForEachOfTheirHours() {
        CostScenarios.oneReservationTwoInstancesTwoHours(world);
        Instant start = CostScenarios.DAY;
        Instant end = CostScenarios.NEXT_DAY;
        List<ReservationCoverage> daily = coverages.coverage(ReservedTestWorlds.ACCOUNT, start, end, Granularity.DAILY,
                CostFilter.ALL);
        assertEquals(2, daily.size(), "one day, then the whole period");
        ReservationCoverage day = daily.get(0);
        assertAmount("2", day.reservedHours(), "reserved hours");
        assertAmount("2", day.onDemandHours(), "on-demand hours");
        assertAmount("4", day.totalRunningHours(), "running hours");
        assertAmount("50", day.hoursPercentage(), "percent of the hours");
        assertAmount("8", day.reservedUnits(), "2 hours of a large, 4 units each");
        assertAmount("50", day.unitsPercentage(), "percent of the units");
        assertAmount("0.2016", day.onDemandCost(), "2 hours at 0.1008");
        assertEquals(day.totalRunningHours(), daily.get(1).totalRunningHours(), "the whole period is that day");
        assertAmount("0", coverages.coverage(ReservedTestWorlds.ACCOUNT, start, end, null, new CostFilter.Dimension(
                CostDimension.INSTANCE_TYPE, List.of("t3.micro"))).get(0).totalRunningHours(), "filtered out");
    }

    @Test
    void coverageGoesBackTwelveMonthsAndTheCurrentOne() {
        assertThrows(CloudException.class, () -> coverages.coverage(ReservedTestWorlds.ACCOUNT,
                Instant.parse("2025-10-31T00:00:00Z"), Instant.parse("2025-11-02T00:00:00Z"), Granularity.DAILY,
                CostFilter.ALL));
        assertEquals(2, coverages.coverage(ReservedTestWorlds.ACCOUNT, Instant.parse("2025-11-01T00:00:00Z"),
                Instant.parse("2025-11-02T00:00:00Z"), Granularity.DAILY, CostFilter.ALL).size());
    }
}
