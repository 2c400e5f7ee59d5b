package dev.gureum.core.reserved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Zonal reservations keep their zone's capacity for their owner; regional ones keep none. */
class ReservedCapacityTest {
    private static final String OTHER = "111122223333";
    private final ReservedWorld world = new ReservedWorld();
    private final ReservedCapacity capacity = new ReservedCapacity(world.store, type -> type.endsWith(".xlarge") ? 4 : 2,
            world.clock::now);

    @Test
    void aZonalReservationHoldsItsVcpusForItsOwnerOnly() {
        world.buy("m7i.large", "us-east-1a", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 2);
        world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 5);
        assertEquals(4, capacity.vcpusHeldForOthers(OTHER, "us-east-1", "us-east-1a"), "2 × 2 vCPUs");
        assertEquals(0, capacity.vcpusHeldForOthers(ReservedWorld.ACCOUNT, "us-east-1", "us-east-1a"));
        assertEquals(0, capacity.vcpusHeldForOthers(OTHER, "us-east-1", "us-east-1b"));
        CloudException full = assertThrows(CloudException.class, () -> capacity.requireRoom(OTHER, "us-east-1",
                "us-east-1a", "m7i.large", 2, 6, 0));
        assertEquals("InsufficientReservedInstanceCapacity", full.code().code());
        capacity.requireRoom(OTHER, "us-east-1", "us-east-1a", "m7i.large", 1, 6, 0);
        world.clock.advance(Duration.ofDays(366));
        assertEquals(0, capacity.vcpusHeldForOthers(OTHER, "us-east-1", "us-east-1a"), "retired: nothing held");
    }

    @Test
    void aZonalPurchaseTheZoneCannotHoldIsRefused() {
        ReservedInstanceService tight = new ReservedInstanceService(world.store, world.offerings,
                (account, region, zone, type, count) -> capacity.requireRoom(account, region, zone, type, count, 4, 0));
        ReservedOffering zonal = world.offerings.find("us-east-1", "m7i.large", "us-east-1a", OfferingClass.STANDARD,
                Term.ONE_YEAR, PaymentOption.NO_UPFRONT).orElseThrow();
        RequestContext context = world.context();
        tight.purchase(context, zonal.id(), 2, null);
        assertThrows(CloudException.class, () -> tight.purchase(new RequestContext(OTHER, "us-east-1", "r",
                world.clock.now(), false), zonal.id(), 1, null));
    }
}
