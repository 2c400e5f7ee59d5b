package dev.gureum.core.cost;

import dev.gureum.core.reserved.OfferingClass;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.ReservedTestWorlds;
import dev.gureum.core.reserved.Term;
import java.time.Duration;
import java.time.Instant;

/** What several Cost Explorer tests start from. */
final class CostScenarios {
    /** The day the worlds' clock starts in, and the next. */
    static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
    static final Instant NEXT_DAY = Instant.parse("2026-11-03T00:00:00Z");

    private CostScenarios() {
    }

    /** A standard, all-upfront m7i.large reservation and two m7i.large instances (zones a and b), two hours on. */
    static void oneReservationTwoInstancesTwoHours(ReservedTestWorlds.World world) {
        world.buy("m7i.large", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.ALL_UPFRONT, 1);
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.run("i-0000000000000000b", "m7i.large", "us-east-1b");
        world.clock().advance(Duration.ofHours(2));
    }
}
