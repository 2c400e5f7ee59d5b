package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.cost.CostDimension;
import dev.gureum.core.cost.CostFilter;
import dev.gureum.core.cost.ReservationCoverage;
import dev.gureum.core.cost.ReservationCoverages;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.util.List;
import java.util.Set;

/**
 * GetReservationCoverage, DAILY or MONTHLY (the whole period in one when not given), filtered as GetCostAndUsage
 * filters; GroupBy, SortBy and MaxResults are not supported yet and say so. Every figure is answered whatever the
 * Metrics (Hour, Unit, Cost), which are checked.
 */
final class ReservationCoverageAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METRICS = Set.of("Hour", "Unit", "Cost");
    private static final Set<CostDimension> COVERAGE_DIMENSIONS = Set.of(CostDimension.AZ, CostDimension.INSTANCE_TYPE,
            CostDimension.LINKED_ACCOUNT, CostDimension.REGION, CostDimension.SERVICE);

    private final ReservationCoverages coverages;

    ReservationCoverageAnswers(ReservationCoverages coverages) {
        this.coverages = coverages;
    }

    ObjectNode coverage(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Granularity granularity = CostExplorerApi.dailyOrMonthly(input, "GetReservationCoverage");
        if (!JsonMembers.structures(input, "GroupBy").isEmpty()) {
            throw CostExplorerError.VALIDATION.exception(granularity != null
                    ? "Granularity is not supported when specifying groupBy"
                    : "GroupBy is not supported by Gureum's GetReservationCoverage yet.");
        }
        for (String metric : JsonMembers.strings(input, "Metrics")) {
            if (!METRICS.contains(metric)) {
                throw CostExplorerError.VALIDATION.exception("Metric " + metric + " is not valid; "
                        + "GetReservationCoverage reports Hour, Unit and Cost.");
            }
        }
        CostExplorerApi.refuseUnsupported(input, "GetReservationCoverage", "SortBy", "MaxResults");
        CostFilter filter = CostExplorerApi.filterOf(input);
        requireCoverageFilter(filter, true);
        List<ReservationCoverage> result = coverages.coverage(context.account(), period.start(), period.end(),
                granularity, filter);
        ObjectNode output = JSON.createObjectNode();
        ArrayNode byTime = output.putArray("CoveragesByTime");
        for (ReservationCoverage bucket : result.subList(0, result.size() - 1)) {
            ObjectNode entry = byTime.addObject();
            entry.putObject("TimePeriod").put("Start", CostExplorerApi.dateText(bucket.start(), granularity))
                    .put("End", CostExplorerApi.dateText(bucket.end(), granularity));
            entry.putArray("Groups");
            figures(entry.putObject("Total"), bucket);
        }
        figures(output.putObject("Total"), result.get(result.size() - 1));
        return output;
    }

    /**
     * GetReservationCoverage's filters: "only AND is supported among each dimension. You can nest only one level
     * deep", on the dimensions it lists (of those Gureum answers: AZ, INSTANCE_TYPE, LINKED_ACCOUNT, REGION,
     * SERVICE) and tags.
     */
    private static void requireCoverageFilter(CostFilter filter, boolean top) {
        switch (filter) {
            case CostFilter.And and when top -> and.all().forEach(part -> requireCoverageFilter(part, false));
            case CostFilter.Dimension dimension when COVERAGE_DIMENSIONS.contains(dimension.dimension()) -> {
            }
            case CostFilter.Tag unused -> {
            }
            case CostFilter.Dimension dimension -> throw CostExplorerError.VALIDATION.exception("GetReservationCoverage"
                    + " does not filter by " + dimension.dimension() + "; it filters by AZ, INSTANCE_TYPE,"
                    + " LINKED_ACCOUNT, REGION, SERVICE and tags (and, not in Gureum yet, CACHE_ENGINE,"
                    + " DATABASE_ENGINE, DEPLOYMENT_OPTION, OPERATING_SYSTEM, PLATFORM, TENANCY).");
            default -> throw CostExplorerError.VALIDATION.exception("GetReservationCoverage filters support only And,"
                    + " one level deep, of dimensions and tags.");
        }
    }

    private static void figures(ObjectNode node, ReservationCoverage coverage) {
        node.putObject("CoverageHours")
                .put("OnDemandHours", CostExplorerApi.text(coverage.onDemandHours()))
                .put("ReservedHours", CostExplorerApi.text(coverage.reservedHours()))
                .put("TotalRunningHours", CostExplorerApi.text(coverage.totalRunningHours()))
                .put("CoverageHoursPercentage", CostExplorerApi.text(coverage.hoursPercentage()));
        node.putObject("CoverageNormalizedUnits")
                .put("OnDemandNormalizedUnits", CostExplorerApi.text(coverage.onDemandUnits()))
                .put("ReservedNormalizedUnits", CostExplorerApi.text(coverage.reservedUnits()))
                .put("TotalRunningNormalizedUnits", CostExplorerApi.text(coverage.totalRunningUnits()))
                .put("CoverageNormalizedUnitsPercentage", CostExplorerApi.text(coverage.unitsPercentage()));
        node.putObject("CoverageCost").put("OnDemandCost", CostExplorerApi.text(coverage.onDemandCost()));
    }
}
