package dev.gureum.core.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.billing.SavingsPlanUse;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Savings Plans applied to the bill hour by hour, on the manual clock with exact money. In us-east-1 a 1-year
 * No Upfront Compute plan's rates are the on-demand price less 28 %, rounded to four decimals: c4.large
 * $0.1 → $0.0720 (28.00 % saved), t3.medium $0.0416 → $0.0300 (27.88 %), m7i.large $0.1008 → $0.0726.
 */
class SavingsPlanBillingTest {
    private final SavingsWorld world = new SavingsWorld();

    private static void assertMoney(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual);
    }

    @Test
    void aCommitmentPartlyUsedIsStillChargedInFull() {
        SavingsPlan plan = world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "0.100");
        world.run("i-0000000000000000a", "c4.large");
        world.clock.advance(Duration.ofHours(2));

        assertMoney("2", world.hours("i-0000000000000000a", LineItem.SAVINGS_PLAN_COVERED_USAGE), "covered hours");
        assertMoney("0", world.hours("i-0000000000000000a", LineItem.USAGE), "nothing on demand");
        assertMoney("0.2", world.cost(LineItem.SAVINGS_PLAN_COVERED_USAGE), "covered at its on-demand cost");
        assertMoney("-0.2", world.cost(LineItem.SAVINGS_PLAN_NEGATION), "negated");
        assertMoney("0.2", world.cost(LineItem.SAVINGS_PLAN_RECURRING_FEE), "2 h of the 0.100 commitment");
        assertMoney("0.2", world.total(), "the commitment, used or not");
        assertMoney("0.144", world.amortized(LineItem.SAVINGS_PLAN_COVERED_USAGE), "2 h at the 0.0720 rate");
        assertMoney("0.056", world.amortized(LineItem.SAVINGS_PLAN_RECURRING_FEE), "the unused commitment");
        assertMoney("0.2", world.amortized(), "amortized, the commitment too");
        LineItem fee = world.items().stream()
                .filter(item -> item.lineItemType().equals(LineItem.SAVINGS_PLAN_RECURRING_FEE)).findFirst()
                .orElseThrow();
        assertEquals("ComputeSP:1yrNoUpfront", fee.usageType());
        assertEquals(plan.arn(SavingsWorld.ACCOUNT), fee.resourceId());
        assertEquals(java.util.Set.of("i-0000000000000000a"), world.items().stream()
                .filter(item -> item.lineItemType().equals(LineItem.SAVINGS_PLAN_NEGATION)).map(LineItem::resourceId)
                .collect(java.util.stream.Collectors.toSet()), "a negation offsets the covered instance's line");

        List<SavingsPlanUse> uses = world.bills.savingsPlanUse(SavingsWorld.ACCOUNT, SavingsWorld.START,
                world.clock.now(), Granularity.DAILY);
        assertEquals(1, uses.size());
        assertMoney("0.2", uses.get(0).commitment(), "commitment");
        assertMoney("0.144", uses.get(0).usedCommitment(), "used");
        assertMoney("0.2", uses.get(0).onDemandCostEquivalent(), "on-demand equivalent");
    }

    @Test
    void aCommitmentFullyUsedLeavesTheExcessOnDemand() {
        world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "0.036");
        world.run("i-0000000000000000a", "c4.large");
        world.clock.advance(Duration.ofHours(1));

        assertMoney("0.5", world.hours("i-0000000000000000a", LineItem.SAVINGS_PLAN_COVERED_USAGE), "0.036 / 0.072");
        assertMoney("0.5", world.hours("i-0000000000000000a", LineItem.USAGE), "the rest on demand");
        assertMoney("0.05", world.cost(LineItem.USAGE), "half an hour at 0.1");
        assertMoney("0.086", world.total(), "0.036 committed + 0.05 on demand");
        assertMoney("0", world.amortized(LineItem.SAVINGS_PLAN_RECURRING_FEE), "nothing unused");
    }

    @Test
    void theLargestDiscountIsCoveredFirst() {
        world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "0.036");
        world.run("i-0000000000000000a", "t3.medium");
        world.run("i-0000000000000000b", "c4.large");
        world.clock.advance(Duration.ofHours(1));

        // c4.large saves 28.00 %, t3.medium 27.88 % (though its rate, 0.0300, is the lower one)
        assertMoney("0.5", world.hours("i-0000000000000000b", LineItem.SAVINGS_PLAN_COVERED_USAGE), "c4.large first");
        assertMoney("0", world.hours("i-0000000000000000a", LineItem.SAVINGS_PLAN_COVERED_USAGE), "t3.medium not");
        assertMoney("1", world.hours("i-0000000000000000a", LineItem.USAGE), "t3.medium on demand");
        assertMoney("0.1276", world.total(), "0.036 + 0.05 + 0.0416");
    }

    @Test
    void reservationsApplyBeforeTheSavingsPlan() {
        world.reserve("m7i.large");
        world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "0.100");
        world.run("i-0000000000000000a", "m7i.large");
        world.run("i-0000000000000000b", "m7i.large");
        world.clock.advance(Duration.ofHours(1));

        assertMoney("1", world.hours("i-0000000000000000a", LineItem.DISCOUNTED_USAGE), "the reservation");
        assertMoney("1", world.hours("i-0000000000000000b", LineItem.SAVINGS_PLAN_COVERED_USAGE), "the plan");
        assertMoney("0", world.cost(LineItem.USAGE), "nothing on demand");
        assertMoney("0.1635", world.total(), "0.0635 reserved + 0.100 committed");
        assertMoney("0.0274", world.amortized(LineItem.SAVINGS_PLAN_RECURRING_FEE), "0.100 - 0.0726 unused");
    }

    @Test
    void ec2InstancePlansApplyBeforeComputePlansAndOnlyToTheirFamily() {
        world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "0.100");
        world.buy(PlanType.EC2_INSTANCE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, "c4", "0.063");
        world.run("i-0000000000000000a", "c4.large");
        world.run("i-0000000000000000b", "t3.medium");
        world.clock.advance(Duration.ofHours(1));

        // the EC2 Instance plan's c4.large rate is 0.1 × 0.63 = 0.0630: it covers the c4.large hour exactly
        assertMoney("1", world.hours("i-0000000000000000a", LineItem.SAVINGS_PLAN_COVERED_USAGE), "c4 by its plan");
        assertMoney("0.063", world.amortized(LineItem.SAVINGS_PLAN_COVERED_USAGE)
                .subtract(new BigDecimal("0.0300")), "c4.large at 0.063, t3.medium at 0.0300");
        assertMoney("0.163", world.total(), "both commitments");
        assertMoney("0.07", world.amortized(LineItem.SAVINGS_PLAN_RECURRING_FEE), "0.100 - 0.0300 of Compute unused");
    }

    @Test
    void anAllUpfrontPlanIsOneFeeForTheWholeTerm() {
        SavingsPlan plan = world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.ALL_UPFRONT, null, "0.010");
        assertMoney("87.6", plan.upfrontPayment(), "0.010 × 8,760 h");
        assertMoney("0", plan.recurringHourly(), "nothing hourly");
        world.run("i-0000000000000000a", "t3.medium");
        world.clock.advance(Duration.ofHours(1));
        assertMoney("87.6", world.cost(LineItem.SAVINGS_PLAN_UPFRONT_FEE), "the upfront fee");
        // All Upfront 1 year: 33 % off, t3.medium 0.0416 → 0.0279; 0.010 buys 0.010/0.0279 h, the rest on demand
        BigDecimal covered = new BigDecimal("0.010").divide(new BigDecimal("0.0279"), java.math.MathContext.DECIMAL64);
        assertEquals(0, covered.setScale(10, java.math.RoundingMode.HALF_UP).compareTo(
                world.hours("i-0000000000000000a", LineItem.SAVINGS_PLAN_COVERED_USAGE).setScale(10,
                        java.math.RoundingMode.HALF_UP)));
        assertMoney("0.01", world.items().stream().filter(item -> item.lineItemType()
                        .equals(LineItem.SAVINGS_PLAN_COVERED_USAGE) || item.lineItemType()
                        .equals(LineItem.SAVINGS_PLAN_RECURRING_FEE)).map(LineItem::amortizedCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(8, java.math.RoundingMode.HALF_UP),
                "amortized: an hour of commitment");
    }

    @Test
    void aPartialUpfrontPlanPaysTheRestHourly() {
        SavingsPlan plan = world.plans.create(world.context(), world.offeringId(PlanType.COMPUTE, Term.ONE_YEAR,
                PaymentOption.PARTIAL_UPFRONT, null, null), "0.100", "438", null, null, Map.of());
        assertMoney("0.05", plan.recurringHourly(), "(876 - 438) / 8,760 h");
        world.clock.advance(Duration.ofHours(2));
        assertMoney("438.1", world.total(), "the upfront payment and 2 h of the recurring half");
        assertMoney("0.2", world.amortized(), "amortized: 2 h of commitment");
    }

    @Test
    void aQueuedPlanAppliesFromItsPurchaseTime() {
        SavingsPlan plan = world.plans.create(world.context(), world.offeringId(PlanType.COMPUTE, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, null, null), "0.100", null, SavingsWorld.START.plus(Duration.ofHours(2)),
                null, Map.of());
        assertEquals(SavingsPlanState.QUEUED, plan.state(world.clock.now()));
        world.run("i-0000000000000000a", "c4.large");
        world.clock.advance(Duration.ofHours(2));
        assertEquals(SavingsPlanState.PAYMENT_PENDING, plan.state(world.clock.now()));
        assertMoney("0.2", world.total(), "2 h on demand before it starts");
        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(SavingsPlanState.ACTIVE, plan.state(world.clock.now()));
        world.clock.advance(Duration.ofMinutes(59));
        assertMoney("1", world.hours("i-0000000000000000a", LineItem.SAVINGS_PLAN_COVERED_USAGE), "the third hour");
        assertMoney("0.3", world.total(), "0.2 on demand + 0.100 committed");
    }

    @Test
    void aDeletedQueuedPlanIsNeverBilled() {
        SavingsPlan plan = world.plans.create(world.context(), world.offeringId(PlanType.COMPUTE, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT, null, null), "0.100", null, SavingsWorld.START.plus(Duration.ofHours(1)),
                null, Map.of());
        world.plans.deleteQueued(world.context(), plan.id());
        world.clock.advance(Duration.ofHours(3));
        assertMoney("0", world.total(), "nothing");
    }

    @Test
    void theTermEndRetiresThePlanAndUsageReturnsToOnDemand() {
        SavingsPlan plan = world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "0.100");
        world.clock.advance(Duration.ofDays(365).minusHours(1));
        world.run("i-0000000000000000a", "c4.large");
        world.clock.advance(Duration.ofHours(2));
        assertEquals(SavingsPlanState.RETIRED, plan.state(world.clock.now()));
        List<LineItem> lastTwoHours = world.bills.lineItems(SavingsWorld.ACCOUNT, plan.end().minusSeconds(3600),
                world.clock.now(), Granularity.HOURLY);
        BigDecimal total = lastTwoHours.stream().map(LineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertMoney("0.2", total, "the last hour committed (0.100), then 0.1 on demand");
        assertTrue(lastTwoHours.stream().anyMatch(item -> item.lineItemType().equals(LineItem.USAGE)
                && item.bucketStart().equals(plan.end())));
    }
}
