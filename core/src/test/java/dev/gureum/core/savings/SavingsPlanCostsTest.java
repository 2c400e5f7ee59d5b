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

    private static void assertMoney(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual);
    }

    @Test
    void costExplorerShowsTheBillsNumbers() {
        world.buy(PlanType.COMPUTE, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, "0.036");
        world.run("i-0000000000000000a", "c4.large");
        world.clock.advance(Duration.ofHours(2));

        CostAndUsage byPurchaseType = costs.costAndUsage(SavingsWorld.ACCOUNT, SavingsWorld.START, world.clock.now(),
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

        List<CostExplorer.PlanUtilization> utilization = costs.savingsPlansUtilization(SavingsWorld.ACCOUNT,
                SavingsWorld.START, world.clock.now(), Granularity.DAILY);
        SavingsPlansAggregates total = utilization.get(utilization.size() - 1).aggregates();
        assertMoney("0.072", total.totalCommitment(), "commitment");
        assertMoney("0.072", total.usedCommitment(), "used");
        assertMoney("100", total.utilizationPercentage(), "percent");
        assertMoney("0.1", total.onDemandCostEquivalent(), "1 h of c4.large on demand");
        assertMoney("0.028", total.netSavings(), "0.1 - 0.072");
        assertMoney("0.072", total.amortizedRecurringCommitment(), "no upfront");

        List<SavingsPlansCoverage> coverage = costs.savingsPlansCoverage(SavingsWorld.ACCOUNT, SavingsWorld.START,
                world.clock.now(), null, List.of("INSTANCE_TYPE_FAMILY"));
        assertEquals(1, coverage.size());
        assertEquals(Map.of("instanceFamily", "c4"), coverage.get(0).attributes());
        assertMoney("0.1", coverage.get(0).spendCovered(), "covered, at on-demand prices");
        assertMoney("0.1", coverage.get(0).onDemandCost(), "left on demand");
        assertMoney("50", coverage.get(0).coveragePercentage(), "half");
        assertEquals(List.of(Map.of("instanceFamily", "c4", "service", "Amazon Elastic Compute Cloud - Compute")),
                costs.savingsPlansCoverage(SavingsWorld.ACCOUNT, SavingsWorld.START, world.clock.now(), null,
                        List.of("INSTANCE_FAMILY", "SERVICE")).stream().map(SavingsPlansCoverage::attributes).toList());
    }
}
