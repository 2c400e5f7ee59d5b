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

/** ModifyReservedInstances and convertible exchanges with EC2's rules, on the manual clock. */
class ReservedModificationsTest {
    private final ReservedWorld world = new ReservedWorld();

    @Test
    void anXlargeSplitsIntoTwoZonalLargesKeepingItsEndAndRate() {
        ReservedInstance xlarge = world.buy("m7i.xlarge", null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, 1);
        world.clock.advance(Duration.ofHours(2));
        ReservedModification modification = world.modifications.modify(world.context(), List.of(xlarge.id()),
                List.of(new TargetConfiguration(2, "m7i.large", "Availability Zone", "us-east-1a")), "token-1");
        assertEquals(xlarge.start().plus(Duration.ofHours(2)), modification.effectiveDate());
        assertEquals("processing", modification.status(world.clock.now()));
        ReservedInstance made = world.reservations.describe(world.context(),
                List.of(modification.results().get(0).reservedInstancesId()), null, null, List.of()).get(0);
        assertEquals(2, made.instanceCount());
        assertEquals("us-east-1a", made.availabilityZone());
        assertEquals(new BigDecimal("0.0635"), made.hourlyPrice(), "half the xlarge's 0.1270");
        assertEquals(xlarge.end(), made.end());
        assertEquals(Term.ONE_YEAR.duration().minus(Duration.ofHours(2)).toSeconds(), made.durationSeconds(),
                "what is left of the term");
        assertEquals(modification, world.modifications.modify(world.context(), List.of(xlarge.id()),
                List.of(new TargetConfiguration(2, "m7i.large", "Availability Zone", "us-east-1a")), "token-1"),
                "the client token makes it idempotent");
        world.clock.advance(Duration.ofHours(1));
        assertEquals("fulfilled", world.modifications.describe(world.context(), List.of(), List.of()).get(0)
                .status(world.clock.now()));
        assertEquals(ReservedState.RETIRED, world.reservations.describe(world.context(), List.of(xlarge.id()), null,
                null, List.of()).get(0).state(world.clock.now()));
        assertEquals(0, new BigDecimal("0.3810").compareTo(world.total()), "3 h of the same recurring charge");
    }

    @Test
    void aReservationModifiedInTheHourItWasBoughtIsRetiredAndKeepsItsUpfrontFee() {
        ReservedInstance xlarge = world.buy("m7i.xlarge", null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.ALL_UPFRONT, 1);
        world.clock.advance(Duration.ofMinutes(2));
        world.modifications.modify(world.context(), List.of(xlarge.id()),
                List.of(new TargetConfiguration(2, "m7i.large", null, null)), null);
        world.clock.advance(Duration.ofHours(1));
        assertEquals(ReservedState.RETIRED, world.reservations.describe(world.context(), List.of(xlarge.id()), null,
                null, List.of()).get(0).state(world.clock.now()));
        assertEquals(0, new BigDecimal("1024").compareTo(world.cost(LineItem.FEE)), "0.2016 × 0.58 × 8760 = 1024.29");
    }

    @Test
    void aModificationMustKeepTheFootprintAndTheFamily() {
        ReservedInstance large = world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, 2);
        world.clock.advance(Duration.ofMinutes(5));
        assertThrows(CloudException.class, () -> world.modifications.modify(world.context(), List.of(large.id()),
                List.of(new TargetConfiguration(2, "m7i.xlarge", null, null)), null));
        assertThrows(CloudException.class, () -> world.modifications.modify(world.context(), List.of(large.id()),
                List.of(new TargetConfiguration(2, "c7i.large", null, null)), null));
        assertThrows(CloudException.class, () -> world.modifications.modify(world.context(), List.of(large.id()),
                List.of(new TargetConfiguration(2, null, "Region", "us-east-1a")), null));
        ReservedModification merged = world.modifications.modify(world.context(), List.of(large.id()),
                List.of(new TargetConfiguration(1, "m7i.xlarge", "Region", null)), null);
        assertEquals("m7i.xlarge", merged.results().get(0).instanceType());
    }

    @Test
    void aConvertibleExchangeNeedsAtLeastTheSameValueAndChargesTheTrueUp() {
        ReservedInstance source = world.buy("m7i.large", null, OfferingClass.CONVERTIBLE, Term.ONE_YEAR,
                PaymentOption.PARTIAL_UPFRONT, 1);
        world.clock.advance(Duration.ofMinutes(5));
        ReservedOffering bigger = world.offerings.find("us-east-1", "m7i.xlarge", null, OfferingClass.CONVERTIBLE,
                Term.ONE_YEAR, PaymentOption.PARTIAL_UPFRONT).orElseThrow();
        ReservedOffering smaller = world.offerings.find("us-east-1", "m7i.large", null, OfferingClass.CONVERTIBLE,
                Term.ONE_YEAR, PaymentOption.ALL_UPFRONT).orElseThrow();
        ReservedExchanges exchanges = new ReservedExchanges(world.store, world.reservations);
        ExchangeQuote quote = exchanges.quote(world.context(), List.of(source.id()),
                List.of(new ReservedExchanges.Target(bigger.id(), 1)));
        assertTrue(quote.valid(), String.valueOf(quote.failureReason()));
        assertTrue(quote.targetRollup().remainingTotalValue().compareTo(quote.sourceRollup().remainingTotalValue()) > 0);
        assertEquals(quote.targetRollup().remainingUpfrontValue().subtract(quote.sourceRollup().remainingUpfrontValue()),
                quote.paymentDue());
        ExchangeQuote noUpfront = exchanges.quote(world.context(), List.of(source.id()), List.of(new ReservedExchanges
                .Target(world.offerings.find("us-east-1", "m7i.xlarge", null, OfferingClass.CONVERTIBLE, Term.ONE_YEAR,
                        PaymentOption.NO_UPFRONT).orElseThrow().id(), 1)));
        assertTrue(!noUpfront.valid() && noUpfront.failureReason().contains("No Upfront"));
        ReservedInstance standard = world.buy("m7i.large", null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, 1);
        world.clock.advance(Duration.ofMinutes(5));
        assertTrue(!exchanges.quote(world.context(), List.of(standard.id()), List.of(new ReservedExchanges.Target(
                smaller.id(), 1))).valid(), "standard reservations are not exchanged");

        BigDecimal before = world.cost(LineItem.FEE);
        BigDecimal due = exchanges.quote(world.context(), List.of(source.id()),
                List.of(new ReservedExchanges.Target(bigger.id(), 1))).paymentDue();
        assertTrue(due.signum() > 0);
        exchanges.accept(world.context(), List.of(source.id()), List.of(new ReservedExchanges.Target(bigger.id(), 1)));
        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(ReservedState.RETIRED, world.reservations.describe(world.context(), List.of(source.id()), null,
                null, List.of()).get(0).state(world.clock.now()));
        assertEquals(0, before.add(due).compareTo(world.cost(LineItem.FEE)), "the true-up is a fee");
        assertTrue(world.reservations.describe(world.context(), List.of(), "convertible", null, List.of()).stream()
                .anyMatch(reserved -> reserved.instanceType().equals("m7i.xlarge")));
    }
}
