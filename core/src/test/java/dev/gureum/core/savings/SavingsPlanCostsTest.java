package dev.gureum.core.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.cost.CostAndUsage;
import dev.gureum.core.cost.CostDimension;
import dev.gureum.core.cost.CostExplorer;
import dev.gureum.core.cost.CostFilter;
import dev.gureum.core.cost.CostMetric;
import dev.gureum.core.cost.SavingsPlansAggregates;
import dev.gureum.core.cost.SavingsPlansCoverage;
import dev.gureum.core.cost.SavingsPlansReports;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cost Explorer's Savings Plans numbers equal the bill's lines: a 0.036/h Compute plan (c4.large rate 0.0720)
 * with one c4.large for two hours covers half of each hour; the other half is on demand at $0.1.
 */
class SavingsPlanCostsTest {
    private final SavingsWorld world = new SavingsWorld();
    private final CostExplorer costs = new CostExplorer(world.bills, world.clock);
    private final SavingsPlansReports reports = new SavingsPlansReports(costs);

    private static void assertMoney(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual);
    }

    @Test
    void costExplorerShowsTheBillsNumbers() {
        world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "0.036");
        world.run("i-0000000000000000a", "c4.large");
        world.clock.advance(Duration.ofHours(2));

        CostAndUsage byPurchaseType = costs.costAndUsage(SavingsWorld.ACCOUNT, SavingsWorld.START, SavingsWorld.START.plus(Duration.ofDays(1)),
                Granularity.DAILY, List.of(CostMetric.UNBLENDED_COST, CostMetric.AMORTIZED_COST,
                        CostMetric.USAGE_QUANTITY), List.of(CostDimension.PURCHASE_TYPE), CostFilter.ALL);
        Map<String, Map<String, CostAndUsage.Amount>> groups = new TreeMap<>();
        byPurchaseType.results().get(0).groups().forEach(group -> groups.put(group.keys().get(0), group.metrics()));
        assertEquals(List.of("On Demand Instances", "Savings Plans"), List.copyOf(groups.keySet()));
        assertMoney("0.1", groups.get("On Demand Instances").get("UnblendedCost").amount(), "1 h on demand");
        assertMoney("0.072", groups.get("Savings Plans").get("UnblendedCost").amount(), "2 h of commitment");
        assertMoney("0.072", groups.get("Savings Plans").get("AmortizedCost").amount(), "all of it used");
        assertMoney("3", groups.get("Savings Plans").get("UsageQuantity").amount(),
                "1 covered hour and 2 fee hours, the negation left out");
        assertMoney("0.172", world.total(), "the bill");

        // the Savings Plans operations take no End after today: the rest of the day, and then the whole day
        world.clock.advance(Duration.ofHours(22));
        List<SavingsPlansReports.PlanUtilization> utilization = reports.utilization(SavingsWorld.ACCOUNT,
                SavingsWorld.START, world.clock.now(), Granularity.DAILY);
        SavingsPlansAggregates total = utilization.get(utilization.size() - 1).aggregates();
        assertMoney("0.864", total.totalCommitment(), "24 h of commitment");
        assertMoney("0.864", total.usedCommitment(), "used");
        assertMoney("100", total.utilizationPercentage(), "percent");
        assertMoney("1.2", total.onDemandCostEquivalent(), "24 half hours of c4.large on demand");
        assertMoney("0.336", total.netSavings(), "1.2 - 0.864");
        assertMoney("0.864", total.amortizedRecurringCommitment(), "no upfront");

        List<SavingsPlansReports.PlanDetail> details = reports.utilizationDetails(SavingsWorld.ACCOUNT,
                SavingsWorld.START, world.clock.now(), use -> true);
        assertEquals(1, details.size(), "the one plan");
        assertEquals(total, details.get(0).aggregates(), "one plan's details are the total");
        assertEquals(List.of(), reports.utilizationDetails(SavingsWorld.ACCOUNT, SavingsWorld.START,
                world.clock.now(), use -> !use.arn().equals(details.get(0).arn())), "filtered out");
        assertRefused(() -> reports.utilizationDetails(SavingsWorld.ACCOUNT, SavingsWorld.START,
                world.clock.now().plus(Duration.ofDays(1)), use -> true), "after the current date");

        List<SavingsPlansCoverage> coverage = reports.coverage(SavingsWorld.ACCOUNT, SavingsWorld.START,
                world.clock.now(), null, List.of("INSTANCE_TYPE_FAMILY"));
        assertEquals(1, coverage.size());
        assertEquals(Map.of("instanceFamily", "c4"), coverage.get(0).attributes());
        assertMoney("1.2", coverage.get(0).spendCovered(), "covered, at on-demand prices");
        assertMoney("1.2", coverage.get(0).onDemandCost(), "left on demand");
        assertMoney("50", coverage.get(0).coveragePercentage(), "half");
        assertEquals(List.of(), reports.coverage(SavingsWorld.ACCOUNT, SavingsWorld.START,
                world.clock.now(), null, List.of(), item -> !SavingsPlansReports.instanceFamily(item).equals("c4")),
                "no other family's usage");
        assertEquals(List.of(Map.of("instanceFamily", "c4", "service", "Amazon Elastic Compute Cloud - Compute")),
                reports.coverage(SavingsWorld.ACCOUNT, SavingsWorld.START, world.clock.now(), null,
                        List.of("INSTANCE_FAMILY", "SERVICE")).stream().map(SavingsPlansCoverage::attributes).toList());
    }

    @Test
    void savingsPlansDataIsAskedForNoFutureEndAndNoStartOlderThanThirteenMonths() {
        world.clock.advance(Duration.ofHours(30));
        java.time.Instant today = SavingsWorld.START.plus(Duration.ofDays(1));
        reports.utilization(SavingsWorld.ACCOUNT, SavingsWorld.START, today, Granularity.DAILY);
        assertRefused(() -> reports.utilization(SavingsWorld.ACCOUNT, SavingsWorld.START,
                today.plus(Duration.ofDays(1)), Granularity.DAILY), "after the current date");
        assertRefused(() -> reports.coverage(SavingsWorld.ACCOUNT, SavingsWorld.START,
                today.plus(Duration.ofDays(1)), null, List.of()), "after the current date");
        java.time.Instant thirteenMonthsAgo = java.time.Instant.parse("2025-10-03T00:00:00Z");
        reports.coverage(SavingsWorld.ACCOUNT, thirteenMonthsAgo, today, Granularity.MONTHLY, List.of());
        assertRefused(() -> reports.coverage(SavingsWorld.ACCOUNT,
                thirteenMonthsAgo.minus(Duration.ofDays(1)), today, Granularity.MONTHLY, List.of()), "within 13 months");
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable query, String because) {
        dev.gureum.core.error.CloudException refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.gureum.core.error.CloudException.class, query);
        assertEquals(dev.gureum.core.error.CostExplorerError.VALIDATION, refused.code());
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains(because), refused.getMessage());
    }
}
