package dev.gureum.core.reserved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.billing.LineItem;
import dev.gureum.core.error.CloudException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reservations applied to the bill hour by hour, on the manual clock with exact money. m7i.large costs
 * $0.1008 an hour on demand in us-east-1 (m7i.xlarge $0.2016); a standard 1-year No Upfront reservation
 * of it costs 0.1008 × (1 − 0.37) = $0.0635 an hour (m7i.xlarge $0.1270).
 */
class ReservationBillingTest {
    private final ReservedWorld world = new ReservedWorld();

    @Test
    void aReservationCoversOneOfTwoMatchingInstances() {
        ReservedInstance reserved = world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, 1);
        assertEquals(new BigDecimal("0.0635"), reserved.hourlyPrice());
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.run("i-0000000000000000b", "m7i.large", "us-east-1b");
        world.clock.advance(Duration.ofHours(2));

        assertEquals(0, new BigDecimal("2").compareTo(world.hours("i-0000000000000000a", LineItem.DISCOUNTED_USAGE)));
        assertEquals(0, BigDecimal.ZERO.compareTo(world.hours("i-0000000000000000a", LineItem.USAGE)));
        assertEquals(0, new BigDecimal("2").compareTo(world.hours("i-0000000000000000b", LineItem.USAGE)));
        assertEquals(0, new BigDecimal("0.2016").compareTo(world.cost(LineItem.USAGE)), "2 h on demand");
        assertEquals(0, new BigDecimal("0.1270").compareTo(world.cost(LineItem.RI_FEE)), "2 reserved hours");
        assertEquals(0, new BigDecimal("0.3286").compareTo(world.total()));
    }

    @Test
    void oneXlargeReservationCoversTwoLargeInstancesBySizeFlexibility() {
        ReservedInstance reserved = world.buy("m7i.xlarge", null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, 1);
        assertEquals(new BigDecimal("0.1270"), reserved.hourlyPrice());
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.run("i-0000000000000000b", "m7i.large", "us-east-1c");
        world.clock.advance(Duration.ofHours(3));

        assertEquals(0, new BigDecimal("3").compareTo(world.hours("i-0000000000000000a", LineItem.DISCOUNTED_USAGE)));
        assertEquals(0, new BigDecimal("3").compareTo(world.hours("i-0000000000000000b", LineItem.DISCOUNTED_USAGE)));
        assertEquals(0, BigDecimal.ZERO.compareTo(world.cost(LineItem.USAGE)));
        assertEquals(0, new BigDecimal("0.3810").compareTo(world.total()), "3 reserved hours at 0.1270");
    }

    @Test
    void aLargeReservationCoversHalfOfAnXlarge() {
        world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 1);
        world.run("i-0000000000000000a", "m7i.xlarge", "us-east-1a");
        world.clock.advance(Duration.ofHours(1));

        assertEquals(0, new BigDecimal("0.5").compareTo(world.hours("i-0000000000000000a", LineItem.DISCOUNTED_USAGE)));
        assertEquals(0, new BigDecimal("0.1008").compareTo(world.cost(LineItem.USAGE)), "half an xlarge hour");
        assertEquals(0, new BigDecimal("0.1643").compareTo(world.total()));
    }

    @Test
    void anUnusedReservationIsStillCharged() {
        world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 2);
        world.clock.advance(Duration.ofHours(3));
        assertEquals(0, new BigDecimal("0.3810").compareTo(world.total()), "2 × 3 h × 0.0635, nothing ran");
        assertEquals(0, new BigDecimal("6").compareTo(world.items().stream()
                .filter(item -> item.lineItemType().equals(LineItem.RI_FEE)).map(LineItem::usageQuantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void anAllUpfrontReservationIsOneFeeAndFreeHours() {
        ReservedInstance reserved = world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.ALL_UPFRONT, 1);
        assertEquals(new BigDecimal("512.00"), reserved.fixedPrice(), "0.1008 × 0.58 × 8760 = 512.14");
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.clock.advance(Duration.ofHours(5));
        LineItem fee = world.items().stream().filter(item -> item.lineItemType().equals(LineItem.FEE)).findFirst()
                .orElseThrow();
        assertEquals("HeavyUsage:m7i.large", fee.usageType());
        assertEquals(0, new BigDecimal("512").compareTo(fee.unblendedCost()));
        assertEquals(0, new BigDecimal("512").compareTo(world.total()), "covered hours cost nothing more");
    }

    @Test
    void aPartialUpfrontReservationPaysHalfUpFrontAndHalfHourly() {
        ReservedInstance reserved = world.buy("m7i.large", null, OfferingClass.STANDARD, Term.THREE_YEARS,
                PaymentOption.PARTIAL_UPFRONT, 1);
        // 0.1008 × 0.41 = 0.041328 effective; half hourly 0.0207, half of 26,280 h up front 543.04 → 543
        assertEquals(new BigDecimal("543.00"), reserved.fixedPrice());
        assertEquals(new BigDecimal("0.0207"), reserved.hourlyPrice());
        world.clock.advance(Duration.ofHours(10));
        assertEquals(0, new BigDecimal("543.207").compareTo(world.total()));
    }

    @Test
    void aReservationBoughtWithinTheSecondAnInstanceLaunchedCoversItWhileTheHourIsOpenAndAfter() {
        world.clock.advance(Duration.ofMinutes(5));
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.clock.advance(Duration.ofMillis(300));
        world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 1);
        world.clock.advance(Duration.ofMinutes(10));
        assertEquals(0, BigDecimal.ZERO.compareTo(world.hours("i-0000000000000000a", LineItem.USAGE)),
                "while the hour is open");
        world.clock.advance(Duration.ofHours(1));
        assertEquals(0, BigDecimal.ZERO.compareTo(world.hours("i-0000000000000000a", LineItem.USAGE)),
                "once it has closed");
    }

    @Test
    void aZonalReservationCoversOnlyItsZone() {
        world.buy("m7i.large", "us-east-1a", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 1);
        world.run("i-0000000000000000b", "m7i.large", "us-east-1b");
        world.clock.advance(Duration.ofHours(1));
        assertEquals(0, new BigDecimal("0.1643").compareTo(world.total()), "0.1008 on demand + 0.0635 unused");
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.clock.advance(Duration.ofHours(1));
        assertEquals(0, new BigDecimal("1").compareTo(world.hours("i-0000000000000000a", LineItem.DISCOUNTED_USAGE)));
    }

    @Test
    void aSecondInstanceInTheSameHourUsesTheRestOfTheReservedHour() {
        world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 1);
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.clock.advance(Duration.ofMinutes(20));
        world.stop("i-0000000000000000a", "m7i.large");
        world.run("i-0000000000000000b", "m7i.large", "us-east-1a");
        world.clock.advance(Duration.ofMinutes(40));
        world.stop("i-0000000000000000b", "m7i.large");
        assertEquals(0, BigDecimal.ZERO.compareTo(world.cost(LineItem.USAGE)), "3,600 s per reserved hour in all");
        assertEquals(0, new BigDecimal("0.0635").compareTo(world.total()));
    }

    @Test
    void theTermEndRetiresTheReservationAndUsageReturnsToOnDemand() {
        ReservedInstance reserved = world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, 1);
        assertEquals(ReservedState.PAYMENT_PENDING, reserved.state(world.clock.now()));
        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(ReservedState.ACTIVE, state(reserved));
        world.clock.advance(Duration.ofDays(365).minusMinutes(1).minusHours(1));
        world.run("i-0000000000000000a", "m7i.large", "us-east-1a");
        world.clock.advance(Duration.ofHours(1));
        assertEquals(ReservedState.RETIRED, state(reserved));
        assertEquals(reserved.start().plusSeconds(31_536_000), reserved.end());
        world.clock.advance(Duration.ofHours(1));
        List<LineItem> lastTwoHours = world.bills.lineItems(ReservedWorld.ACCOUNT, reserved.end().minusSeconds(3600),
                world.clock.now(), dev.gureum.core.billing.Granularity.HOURLY);
        BigDecimal total = lastTwoHours.stream().map(LineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("0.1643").compareTo(total), "the last hour reserved (0.0635), then on demand");
        assertTrue(world.reservations.describe(world.context(), List.of(), null, null,
                List.of(new dev.gureum.core.filter.Filter("state", List.of("active")))).isEmpty());
    }

    @Test
    void twentyRegionalReservationsAMonthPerRegionAndTwentyZonalPerZone() {
        world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 15);
        CloudException over = assertThrows(CloudException.class, () -> world.buy("t3.micro", null,
                OfferingClass.CONVERTIBLE, Term.THREE_YEARS, PaymentOption.NO_UPFRONT, 6));
        assertEquals("ReservedInstancesLimitExceeded", over.code().code());
        world.buy("t3.micro", null, OfferingClass.CONVERTIBLE, Term.THREE_YEARS, PaymentOption.NO_UPFRONT, 5);
        world.buy("m7i.large", "us-east-1a", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 20);
        world.clock.advance(Duration.ofDays(31));
        world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, 20);
    }

    @Test
    void aQueuedPurchaseStartsAtItsTimeAndCanBeDeletedBeforeIt() {
        ReservedOffering offering = world.offerings.find(ReservedWorld.REGION, "m7i.large", null,
                OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.ALL_UPFRONT).orElseThrow();
        java.time.Instant tomorrow = world.clock.now().plus(Duration.ofDays(1));
        assertThrows(CloudException.class, () -> world.reservations.purchase(world.context(), offering.id(), 1,
                world.clock.now().plus(Duration.ofDays(4 * 365))), "queued at most three years ahead");
        ReservedInstance queued = world.reservations.purchase(world.context(), offering.id(), 1, tomorrow);
        ReservedInstance deleted = world.reservations.purchase(world.context(), offering.id(), 1, tomorrow);
        assertEquals(ReservedState.QUEUED, state(queued));
        assertEquals(List.of(deleted.id()), world.reservations.deleteQueued(world.context(),
                List.of(deleted.id())).deleted());
        assertEquals(ReservedState.QUEUED_DELETED, state(deleted));
        assertEquals(0, BigDecimal.ZERO.compareTo(world.total()), "nothing is charged before the purchase time");
        world.clock.advance(Duration.ofDays(1).plusHours(1));
        assertEquals(ReservedState.ACTIVE, state(queued));
        assertEquals(ReservedState.QUEUED_DELETED, state(deleted));
        assertEquals(0, new BigDecimal("512").compareTo(world.total()), "one upfront fee, at the purchase time");
        assertEquals("reserved-instances-not-in-queued-state", world.reservations.deleteQueued(world.context(),
                List.of(queued.id())).failed().get(queued.id()));
    }

    private ReservedState state(ReservedInstance reserved) {
        return world.reservations.describe(world.context(), List.of(reserved.id()), null, null, List.of()).get(0)
                .state(world.clock.now());
    }
}
