package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.cost.CostExplorer;
import dev.gureum.core.cost.SavingsPlansAggregates;
import dev.gureum.core.cost.SavingsPlansCoverage;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GetSavingsPlansUtilization and GetSavingsPlansCoverage, DAILY or MONTHLY, from the bill's Savings Plan lines.
 * Coverage groups by REGION and INSTANCE_TYPE_FAMILY; filters, sorting and paging are not supported yet and
 * say so.
 */
final class SavingsPlansCosts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CostExplorer costs;

    SavingsPlansCosts(CostExplorer costs) {
        this.costs = costs;
    }

    ObjectNode utilization(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Instant start = period.start();
        Instant end = period.end();
        Granularity granularity = CostExplorerApi.dailyOrMonthly(input, "GetSavingsPlansUtilization");
        CostExplorerApi.refuseUnsupported(input, "GetSavingsPlansUtilization", "Filter", "SortBy");
        List<CostExplorer.PlanUtilization> result = costs.savingsPlansUtilization(context.account(), start, end,
                granularity);
        ObjectNode output = JSON.createObjectNode();
        ArrayNode byTime = output.putArray("SavingsPlansUtilizationsByTime");
        for (CostExplorer.PlanUtilization bucket : result.subList(0, result.size() - 1)) {
            ObjectNode entry = byTime.addObject();
            entry.putObject("TimePeriod").put("Start", CostExplorerApi.dateText(bucket.start(), granularity))
                    .put("End", CostExplorerApi.dateText(bucket.end(), granularity));
            aggregates(entry, bucket.aggregates());
        }
        aggregates(output.putObject("Total"), result.get(result.size() - 1).aggregates());
        return output;
    }

    private static void aggregates(ObjectNode node, SavingsPlansAggregates total) {
        node.putObject("Utilization")
                .put("TotalCommitment", CostExplorerApi.text(total.totalCommitment()))
                .put("UsedCommitment", CostExplorerApi.text(total.usedCommitment()))
                .put("UnusedCommitment", CostExplorerApi.text(total.unusedCommitment()))
                .put("UtilizationPercentage", CostExplorerApi.text(total.utilizationPercentage()));
        node.putObject("Savings")
                .put("NetSavings", CostExplorerApi.text(total.netSavings()))
                .put("OnDemandCostEquivalent", CostExplorerApi.text(total.onDemandCostEquivalent()));
        node.putObject("AmortizedCommitment")
                .put("AmortizedRecurringCommitment", CostExplorerApi.text(total.amortizedRecurringCommitment()))
                .put("AmortizedUpfrontCommitment", CostExplorerApi.text(total.amortizedUpfrontCommitment()))
                .put("TotalAmortizedCommitment", CostExplorerApi.text(total.totalAmortizedCommitment()));
    }

    ObjectNode coverage(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Instant start = period.start();
        Instant end = period.end();
        Granularity granularity = CostExplorerApi.dailyOrMonthly(input, "GetSavingsPlansCoverage");
        CostExplorerApi.refuseUnsupported(input, "GetSavingsPlansCoverage", "Filter", "SortBy", "NextToken", "MaxResults");
        for (String metric : JsonMembers.strings(input, "Metrics")) {
            if (!"SpendCoveredBySavingsPlans".equals(metric)) {
                throw CostExplorerError.VALIDATION.exception("Metric " + metric
                        + " is not valid; GetSavingsPlansCoverage supports SpendCoveredBySavingsPlans.");
            }
        }
        List<String> groupBy = new ArrayList<>();
        for (JsonNode group : JsonMembers.structures(input, "GroupBy")) {
            if (!"DIMENSION".equals(JsonMembers.string(group, "Type"))) {
                throw CostExplorerError.VALIDATION.exception("GetSavingsPlansCoverage groups by DIMENSION.");
            }
            groupBy.add(JsonMembers.string(group, "Key"));
        }
        if (granularity != null && !groupBy.isEmpty()) {
            // "Granularity can't be set if GroupBy is set."
            throw CostExplorerError.VALIDATION.exception("Granularity is not supported when specifying groupBy");
        }
        ObjectNode output = JSON.createObjectNode();
        ArrayNode coverages = output.putArray("SavingsPlansCoverages");
        for (SavingsPlansCoverage coverage : costs.savingsPlansCoverage(context.account(), start, end, granularity,
                groupBy)) {
            ObjectNode entry = coverages.addObject();
            ObjectNode attributes = entry.putObject("Attributes");
            coverage.attributes().forEach(attributes::put);
            entry.putObject("Coverage")
                    .put("SpendCoveredBySavingsPlans", CostExplorerApi.text(coverage.spendCovered()))
                    .put("OnDemandCost", CostExplorerApi.text(coverage.onDemandCost()))
                    .put("TotalCost", CostExplorerApi.text(coverage.totalCost()))
                    .put("CoveragePercentage", CostExplorerApi.text(coverage.coveragePercentage()));
            entry.putObject("TimePeriod").put("Start", CostExplorerApi.dateText(coverage.start(), granularity))
                    .put("End", CostExplorerApi.dateText(coverage.end(), granularity));
        }
        return output;
    }
}
