package dev.gureum.core.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.SavingsPlansError;
import dev.gureum.core.page.Page;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Savings Plans API's rules on the manual clock: offerings, ids, purchases, states, deletion, tags, paging. */
class SavingsPlanServiceTest {
    private final SavingsWorld world = new SavingsWorld();

    private static OfferingSearch search(List<String> planTypes, Map<String, List<String>> properties) {
        return new OfferingSearch(List.of(), List.of(), List.of(), planTypes, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), properties);
    }

    private static void assertError(SavingsPlansError expected, Runnable call) {
        CloudException error = assertThrows(CloudException.class, call::run);
        assertEquals(expected.code(), error.code().code(), error.getMessage());
    }

    @Test
    void offeringIdsDecodeWithoutStorageAndForeignIdsAreNoOfferings() {
        for (SavingsOffering offering : world.catalog.offerings()) {
            assertEquals(offering, world.catalog.find(world.catalog.id(offering)).orElseThrow());
        }
        String id = world.offeringId(PlanType.EC2_INSTANCE, Term.THREE_YEARS, PaymentOption.PARTIAL_UPFRONT,
                "us-east-1", "m7i");
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        String tampered = id.substring(0, 35) + (id.charAt(35) == '0' ? '1' : '0');
        assertTrue(world.catalog.find(tampered).isEmpty());
        assertTrue(world.catalog.find("not-an-id").isEmpty());
    }

    @Test
    void offeringsFilterByPlanTypeRegionAndFamily() {
        Page<SavingsPlanService.Offering> compute = world.plans.offerings(search(List.of("Compute"), Map.of()), null,
                null);
        assertEquals(6, compute.items().size(), "two terms × three payment options");
        Page<SavingsPlanService.Offering> m7i = world.plans.offerings(search(List.of(),
                Map.of("region", List.of("us-east-1"), "instanceFamily", List.of("m7i"))), null, null);
        assertEquals(6, m7i.items().size());
        assertTrue(m7i.items().stream().allMatch(found -> found.offering().usageType().startsWith("EC2SP:m7i.")));
        Page<SavingsPlanService.Offering> first = world.plans.offerings(search(List.of(), Map.of()), 5, null);
        Page<SavingsPlanService.Offering> second = world.plans.offerings(search(List.of(), Map.of()), 5,
                first.nextToken());
        assertEquals(5, second.items().size());
        assertTrue(second.items().stream().noneMatch(first.items()::contains));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.offerings(search(List.of("Spot"), Map.of()),
                null, null));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.offerings(search(List.of(), Map.of()), 5,
                "bm90LW91cnM="));
    }

    @Test
    void ec2InstanceRatesDiscountMoreThanComputeAndThreeYearsMoreThanOne() {
        BigDecimal compute1 = rate(PlanType.COMPUTE, Term.ONE_YEAR, null);
        BigDecimal compute3 = rate(PlanType.COMPUTE, Term.THREE_YEARS, null);
        BigDecimal instance1 = rate(PlanType.EC2_INSTANCE, Term.ONE_YEAR, "m7i");
        assertEquals(new BigDecimal("0.0726"), compute1, "0.1008 × 0.72");
        assertEquals(new BigDecimal("0.0504"), compute3, "0.1008 × 0.50");
        assertEquals(new BigDecimal("0.0635"), instance1, "0.1008 × 0.63");
        assertTrue(world.catalog.rate(new SavingsOffering(PlanType.EC2_INSTANCE, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, "us-east-1", "m7i"), "us-east-1", "c7i.large").isEmpty(), "other family");
    }

    @Test
    void offeringRatesOfATypeInARegionComeFromEveryOfferingCoveringIt() {
        var rates = world.plans.offeringRates(new OfferingSearch(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of("instanceType",
                List.of("m7i.large"), "region", List.of("us-east-1"))), null, null).items();
        assertEquals(12, rates.size(), "six Compute offerings and six EC2 Instance offerings of m7i in us-east-1");
        assertTrue(rates.stream().allMatch(rate -> rate.usageType().equals("BoxUsage:m7i.large")));
        assertEquals(new BigDecimal("0.0393"), rates.stream().map(SavingsOfferingCatalog.PlanRate::rate)
                .min(BigDecimal::compareTo).orElseThrow(), "EC2 Instance 3 years All Upfront: 0.1008 × 0.39");
    }

    private BigDecimal rate(PlanType type, Term term, String family) {
        return world.catalog.rate(new SavingsOffering(type, term, PaymentOption.NO_UPFRONT,
                family == null ? null : "us-east-1", family), "us-east-1", "m7i.large").orElseThrow();
    }

    @Test
    void aCommitmentMayHaveFiveDigitsAfterTheDecimalPoint() {
        String noUpfront = world.offeringId(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, null);
        assertEquals(0, new java.math.BigDecimal("1.00001").compareTo(world.plans.create(world.context(), noUpfront,
                "1.00001", null, null, null, Map.of()).commitment()));
    }

    @Test
    void purchasesAreCheckedAsAwsChecksThem() {
        String noUpfront = world.offeringId(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, null);
        String partial = world.offeringId(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.PARTIAL_UPFRONT, null, null);
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.create(world.context(), noUpfront, "0", null,
                null, null, Map.of()));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.create(world.context(), noUpfront, "0.0001",
                null, null, null, Map.of()));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.create(world.context(), noUpfront, "1.000001",
                null, null, null, Map.of()));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.create(world.context(), noUpfront, "abc", null,
                null, null, Map.of()));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.create(world.context(), noUpfront, "1", "10",
                null, null, Map.of()));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.create(world.context(), partial, "1", null,
                null, null, Map.of()));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.create(world.context(), partial, "1", "4379",
                null, null, Map.of()), "less than half of 8,760");
        assertError(SavingsPlansError.RESOURCE_NOT_FOUND, () -> world.plans.create(world.context(),
                "00000000-0000-0000-0000-000000000000", "1", null, null, null, Map.of()));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.create(world.context(), noUpfront, "1", null,
                null, null, Map.of("aws:owner", "x")));
        assertTrue(world.plans.all(world.context()).isEmpty(), "nothing bought");
    }

    private static void assertError(SavingsPlansError expected, Runnable call, String why) {
        CloudException error = assertThrows(CloudException.class, call::run, why);
        assertEquals(expected.code(), error.code().code(), why + ": " + error.getMessage());
    }

    @Test
    void aClientTokenBuysOnce() {
        String offering = world.offeringId(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, null);
        SavingsPlan first = world.plans.create(world.context(), offering, "1", null, null, "token", Map.of());
        SavingsPlan again = world.plans.create(world.context(), offering, "1", null, null, "token", Map.of());
        assertEquals(first.id(), again.id());
        assertEquals(1, world.plans.all(world.context()).size());
    }

    @Test
    void onlyAQueuedPlanCanBeDeleted() {
        SavingsPlan active = world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "1");
        SavingsPlan queued = world.plans.create(world.context(), active.offeringId(), "1", null,
                world.clock.now().plus(Duration.ofDays(1)), null, Map.of());
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.deleteQueued(world.context(), active.id()));
        assertError(SavingsPlansError.RESOURCE_NOT_FOUND, () -> world.plans.deleteQueued(world.context(), "x"));
        world.plans.deleteQueued(world.context(), queued.id());
        List<SavingsPlan> deleted = world.plans.describe(world.context(), List.of(), List.of(),
                List.of("queued-deleted"), Map.of(), null, null).items();
        assertEquals(List.of(queued.id()), deleted.stream().map(SavingsPlan::id).toList());
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.deleteQueued(world.context(), queued.id()));
        world.clock.advance(Duration.ofDays(2));
        assertEquals(List.of(active.id()), world.plans.describe(world.context(), List.of(), List.of(),
                List.of("active"), Map.of("savings-plan-type", List.of("Compute")), null, null).items().stream()
                .map(SavingsPlan::id).toList());
    }

    @Test
    void tagsAreAddedRemovedAndListedByArn() {
        SavingsPlan plan = world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "1");
        String arn = plan.arn(SavingsWorld.ACCOUNT);
        world.plans.tag(world.context(), arn, Map.of("a", "1", "b", "2"));
        world.plans.untag(world.context(), arn, List.of("a"));
        assertEquals(Map.of("b", "2"), world.plans.tags(world.context(), arn));
        assertError(SavingsPlansError.VALIDATION, () -> world.plans.tags(world.context(), "arn:aws:ec2:::x"));
        assertEquals(List.of(plan.id()), world.plans.describe(world.context(), List.of(), List.of(arn), List.of(),
                Map.of(), null, null).items().stream().map(SavingsPlan::id).toList());
        assertTrue(world.plans.describe(world.context(), List.of(), List.of(
                "arn:aws:savingsplans::111111111111:savingsplan/" + plan.id()), List.of(), Map.of(), null, null)
                .items().isEmpty(), "another account's plan is not described");
        assertError(SavingsPlansError.RESOURCE_NOT_FOUND, () -> world.plans.tags(world.context(),
                "arn:aws:savingsplans::111111111111:savingsplan/" + plan.id()));
    }
}
