package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.billing.SavingsPlanUse;
import dev.gureum.core.cost.CostDimension;
import dev.gureum.core.cost.SavingsPlansAggregates;
import dev.gureum.core.cost.SavingsPlansCoverage;
import dev.gureum.core.cost.SavingsPlansReports;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * GetSavingsPlansUtilization, GetSavingsPlansUtilizationDetails and GetSavingsPlansCoverage, DAILY or MONTHLY, from
 * the bill's Savings Plan lines. Coverage groups by REGION, INSTANCE_FAMILY and SERVICE. Each sorts by the keys its
 * model documents; the details and coverage come 20 a page (MaxResults, at least 1) with a NextToken while more
 * remain. Filters are And of dimensions one level deep: plans by ARN or account, coverage's usage by account,
 * region, service or instance family. The details' ATTRIBUTES (whose keys are not documented) are refused.
 */
final class SavingsPlansCosts {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** GetSavingsPlansUtilizationDetails' sort keys; GetSavingsPlansUtilization's are the first five. */
    private static final Map<String, Function<SavingsPlansAggregates, Comparable<?>>> UTILIZATION_SORT_KEYS =
            SortKeys.of(Map.entry("UtilizationPercentage", SavingsPlansAggregates::utilizationPercentage),
                    Map.entry("TotalCommitment", SavingsPlansAggregates::totalCommitment),
                    Map.entry("UsedCommitment", SavingsPlansAggregates::usedCommitment),
                    Map.entry("UnusedCommitment", SavingsPlansAggregates::unusedCommitment),
                    Map.entry("NetSavings", SavingsPlansAggregates::netSavings),
                    Map.entry("AmortizedRecurringCommitment", SavingsPlansAggregates::amortizedRecurringCommitment),
                    Map.entry("AmortizedUpfrontCommitment", SavingsPlansAggregates::amortizedUpfrontCommitment));
    private static final int UTILIZATION_BY_TIME_SORT_KEYS = 5;
    private static final Map<String, Function<SavingsPlansCoverage, Comparable<?>>> COVERAGE_SORT_KEYS =
            SortKeys.of(Map.entry("SpendCoveredBySavingsPlan", SavingsPlansCoverage::spendCovered),
                    Map.entry("OnDemandCost", SavingsPlansCoverage::onDemandCost),
                    Map.entry("CoveragePercentage", SavingsPlansCoverage::coveragePercentage),
                    Map.entry("TotalCost", SavingsPlansCoverage::totalCost),
                    Map.entry("InstanceFamily", coverage -> coverage.attributes().getOrDefault("instanceFamily", "")),
                    Map.entry("Region", coverage -> coverage.attributes().getOrDefault("region", "")),
                    Map.entry("Service", coverage -> coverage.attributes().getOrDefault("service", "")));
    private static final List<String> DATA_TYPES = List.of("ATTRIBUTES", "UTILIZATION", "AMORTIZED_COMMITMENT",
            "SAVINGS");
    /** The parts of an answer's aggregates, in the model's DataType terms. */
    private static final List<String> ALL_PARTS = List.of("UTILIZATION", "SAVINGS", "AMORTIZED_COMMITMENT");
    private static final int DEFAULT_PAGE = 20;

    private final SavingsPlansReports reports;

    SavingsPlansCosts(SavingsPlansReports reports) {
        this.reports = reports;
    }

    ObjectNode utilization(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Instant start = period.start();
        Instant end = period.end();
        Granularity granularity = CostExplorerApi.dailyOrMonthly(input, "GetSavingsPlansUtilization");
        Predicate<SavingsPlanUse> plans = DimensionFilter.of(input, "GetSavingsPlansUtilization",
                planDimensions(context.account()));
        Comparator<SavingsPlansAggregates> order = SortKeys.sortBy(input, "GetSavingsPlansUtilization",
                SortKeys.first(UTILIZATION_SORT_KEYS, UTILIZATION_BY_TIME_SORT_KEYS));
        List<SavingsPlansReports.PlanUtilization> result = reports.utilization(context.account(), start, end,
                granularity, plans);
        List<SavingsPlansReports.PlanUtilization> buckets = new ArrayList<>(result.subList(0, result.size() - 1));
        if (order != null) {
            buckets.sort(Comparator.comparing(SavingsPlansReports.PlanUtilization::aggregates, order));
        }
        ObjectNode output = JSON.createObjectNode();
        ArrayNode byTime = output.putArray("SavingsPlansUtilizationsByTime");
        for (SavingsPlansReports.PlanUtilization bucket : buckets) {
            ObjectNode entry = byTime.addObject();
            entry.putObject("TimePeriod").put("Start", CostExplorerApi.dateText(bucket.start(), granularity))
                    .put("End", CostExplorerApi.dateText(bucket.end(), granularity));
            aggregates(entry, bucket.aggregates(), ALL_PARTS);
        }
        aggregates(output.putObject("Total"), result.get(result.size() - 1).aggregates(), ALL_PARTS);
        return output;
    }

    /**
     * GetSavingsPlansUtilizationDetails: each plan's aggregates over the period, by ARN or as SortBy asks, the parts
     * DataType names (all it supports when none).
     */
    ObjectNode utilizationDetails(JsonNode input, RequestContext context) {
        String operation = "GetSavingsPlansUtilizationDetails";
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Predicate<SavingsPlanUse> plans = DimensionFilter.of(input, operation, planDimensions(context.account()));
        List<String> parts = dataTypes(input);
        int pageSize = pageSize(input);
        Comparator<SavingsPlansAggregates> order = SortKeys.sortBy(input, operation, UTILIZATION_SORT_KEYS);
        List<SavingsPlansReports.PlanDetail> details = new ArrayList<>(reports.utilizationDetails(
                context.account(), period.start(), period.end(), plans));
        if (order != null) {
            details.sort(Comparator.comparing(SavingsPlansReports.PlanDetail::aggregates, order));
        }
        SavingsPlansAggregates total = details.stream().map(SavingsPlansReports.PlanDetail::aggregates)
                .reduce(SavingsPlansAggregates.NONE, SavingsPlansAggregates::plus);
        CostPages.Page<SavingsPlansReports.PlanDetail> page = CostPages.page(details, input, "NextToken", operation,
                pageSize);
        ObjectNode output = JSON.createObjectNode();
        ArrayNode listed = output.putArray("SavingsPlansUtilizationDetails");
        for (SavingsPlansReports.PlanDetail detail : page.items()) {
            aggregates(listed.addObject().put("SavingsPlanArn", detail.arn()), detail.aggregates(), parts);
        }
        aggregates(output.putObject("Total"), total, ALL_PARTS);
        output.putObject("TimePeriod").put("Start", CostExplorerApi.dateText(period.start(), Granularity.DAILY))
                .put("End", CostExplorerApi.dateText(period.end(), Granularity.DAILY));
        if (page.nextToken() != null) {
            output.put("NextToken", page.nextToken());
        }
        return output;
    }

    /**
     * The dimensions the utilization operations filter plans by, of those their models list: the plan's ARN and the
     * account (a plan's REGION, PAYMENT_OPTION, SAVINGS_PLANS_TYPE and INSTANCE_TYPE_FAMILY values are not spelt out
     * where we could read them).
     */
    private static Map<String, Function<SavingsPlanUse, String>> planDimensions(String account) {
        Map<String, Function<SavingsPlanUse, String>> dimensions = new LinkedHashMap<>();
        dimensions.put("SAVINGS_PLAN_ARN", SavingsPlanUse::arn);
        dimensions.put("LINKED_ACCOUNT", use -> account);
        return dimensions;
    }

    /** The dimensions coverage filters eligible usage by, as its model lists them. */
    private static Map<String, Function<LineItem, String>> usageDimensions(String account) {
        Map<String, Function<LineItem, String>> dimensions = new LinkedHashMap<>();
        dimensions.put("LINKED_ACCOUNT", item -> account);
        dimensions.put("REGION", LineItem::region);
        dimensions.put("SERVICE", CostDimension.SERVICE::valueOf);
        dimensions.put("INSTANCE_FAMILY", SavingsPlansReports::instanceFamily);
        return dimensions;
    }

    /** The DataType list: each a value of the model's enum; ATTRIBUTES, whose keys are not documented, refused. */
    private static List<String> dataTypes(JsonNode input) {
        List<String> given = JsonMembers.strings(input, "DataType");
        for (String type : given) {
            if (!DATA_TYPES.contains(type)) {
                throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value '[" + type
                        + "]' at 'dataType' failed to satisfy constraint: Member must satisfy constraint: [Member must"
                        + " satisfy enum value set: " + DATA_TYPES + "]");
            }
            if (type.equals("ATTRIBUTES")) {
                throw CostExplorerError.VALIDATION.exception("DataType ATTRIBUTES is not supported by Gureum's"
                        + " GetSavingsPlansUtilizationDetails yet.");
            }
        }
        return given.isEmpty() ? ALL_PARTS : given;
    }

    /** The parts of {@code total} that {@code parts} names, each as the model's structure of it. */
    private static void aggregates(ObjectNode node, SavingsPlansAggregates total, List<String> parts) {
        if (parts.contains("UTILIZATION")) {
            node.putObject("Utilization")
                    .put("TotalCommitment", CostExplorerApi.text(total.totalCommitment()))
                    .put("UsedCommitment", CostExplorerApi.text(total.usedCommitment()))
                    .put("UnusedCommitment", CostExplorerApi.text(total.unusedCommitment()))
                    .put("UtilizationPercentage", CostExplorerApi.text(total.utilizationPercentage()));
        }
        if (parts.contains("SAVINGS")) {
            node.putObject("Savings")
                    .put("NetSavings", CostExplorerApi.text(total.netSavings()))
                    .put("OnDemandCostEquivalent", CostExplorerApi.text(total.onDemandCostEquivalent()));
        }
        if (parts.contains("AMORTIZED_COMMITMENT")) {
            node.putObject("AmortizedCommitment")
                    .put("AmortizedRecurringCommitment", CostExplorerApi.text(total.amortizedRecurringCommitment()))
                    .put("AmortizedUpfrontCommitment", CostExplorerApi.text(total.amortizedUpfrontCommitment()))
                    .put("TotalAmortizedCommitment", CostExplorerApi.text(total.totalAmortizedCommitment()));
        }
    }

    /** MaxResults (at least 1), or 20 when not given, as the model documents. */
    private static int pageSize(JsonNode input) {
        Integer maxResults = JsonMembers.integer(input, "MaxResults");
        if (maxResults != null && maxResults < 1) {
            throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal"
                    + " to 1");
        }
        return maxResults == null ? DEFAULT_PAGE : maxResults;
    }

    ObjectNode coverage(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Instant start = period.start();
        Instant end = period.end();
        Granularity granularity = CostExplorerApi.dailyOrMonthly(input, "GetSavingsPlansCoverage");
        Predicate<LineItem> usage = DimensionFilter.of(input, "GetSavingsPlansCoverage",
                usageDimensions(context.account()));
        int pageSize = pageSize(input);
        Comparator<SavingsPlansCoverage> order = SortKeys.sortBy(input, "GetSavingsPlansCoverage", COVERAGE_SORT_KEYS);
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
        List<SavingsPlansCoverage> all = new ArrayList<>(reports.coverage(context.account(), start, end,
                granularity, groupBy, usage));
        if (order != null) {
            all.sort(order);
        }
        CostPages.Page<SavingsPlansCoverage> page = CostPages.page(all, input, "NextToken", "GetSavingsPlansCoverage",
                pageSize);
        ObjectNode output = JSON.createObjectNode();
        ArrayNode coverages = output.putArray("SavingsPlansCoverages");
        for (SavingsPlansCoverage coverage : page.items()) {
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
        if (page.nextToken() != null) {
            output.put("NextToken", page.nextToken());
        }
        return output;
    }
}
