package dev.gureum.server.ce;

import static dev.gureum.server.ce.CostExplorerApi.dateText;
import static dev.gureum.server.ce.CostExplorerApi.period;
import static dev.gureum.server.ce.CostExplorerApi.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.billing.BilledReservation;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.cost.CostDimension;
import dev.gureum.core.cost.CostExplorer;
import dev.gureum.core.cost.ReservationAggregates;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** GetReservationUtilization's answers. */
final class ReservationUtilizationAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The platform, tenancy and service of every reservation Gureum sells. */
    private static final String PLATFORM = "Linux/UNIX";
    private static final String TENANCY = "Shared";
    private static final String SERVICE = CostDimension.COMPUTE;

    private final CostExplorer costs;

    ReservationUtilizationAnswers(CostExplorer costs) {
        this.costs = costs;
    }

    /**
     * Totals per bucket (when Granularity is given) and over the period, and per reservation with GroupBy
     * SUBSCRIPTION_ID (Gureum's subscription id is the reservation's id), on one page, of the reservations the Filter
     * accepts; sorting and MaxResults not yet.
     */
    ObjectNode utilization(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = period(input);
        Instant start = period.start();
        Instant end = period.end();
        List<JsonNode> groupBy = JsonMembers.structures(input, "GroupBy");
        Granularity given = CostExplorerApi.dailyOrMonthly(input, "GetReservationUtilization");
        if (given != null && !groupBy.isEmpty()) {
            // "If GroupBy is set, Granularity can't be set."
            throw CostExplorerError.VALIDATION.exception("Granularity is not supported when specifying groupBy");
        }
        Granularity granularity = given != null ? given : groupBy.isEmpty() ? Granularity.DAILY : null;
        boolean byReservation = false;
        for (JsonNode group : groupBy) {
            if (!"DIMENSION".equals(JsonMembers.string(group, "Type"))
                    || !"SUBSCRIPTION_ID".equals(JsonMembers.string(group, "Key"))) {
                throw CostExplorerError.VALIDATION.exception("GetReservationUtilization groups by DIMENSION "
                        + "SUBSCRIPTION_ID only.");
            }
            byReservation = true;
        }
        CostExplorerApi.refuseUnsupported(input, "GetReservationUtilization", "SortBy", "MaxResults");
        Predicate<BilledReservation> filter = DimensionFilter.of(input, "GetReservationUtilization",
                filterDimensions(context.account()));
        List<CostExplorer.Utilization> result = costs.reservationUtilization(context.account(), start, end,
                granularity, byReservation, filter);
        ObjectNode output = JSON.createObjectNode();
        ArrayNode byTime = output.putArray("UtilizationsByTime");
        for (CostExplorer.Utilization bucket : result.subList(0, result.size() - 1)) {
            ObjectNode entry = byTime.addObject();
            entry.putObject("TimePeriod").put("Start", dateText(bucket.start(), granularity))
                    .put("End", dateText(bucket.end(), granularity));
            ArrayNode groups = entry.putArray("Groups");
            for (CostExplorer.ReservationGroup group : bucket.groups()) {
                ObjectNode groupNode = groups.addObject().put("Key", "SUBSCRIPTION_ID")
                        .put("Value", group.reservation().id());
                BilledReservation reserved = group.reservation();
                ObjectNode attributes = groupNode.putObject("Attributes")
                        .put("leaseId", reserved.id())
                        .put("instanceType", reserved.instanceType())
                        .put("region", reserved.region())
                        .put("numberOfInstances", String.valueOf(reserved.instanceCount()))
                        .put("platform", PLATFORM)
                        .put("tenancy", TENANCY)
                        .put("scope", scope(reserved))
                        .put("startDateTime", reserved.start().toString())
                        .put("endDateTime", reserved.end().toString());
                if (reserved.availabilityZone() != null) {
                    attributes.put("availabilityZone", reserved.availabilityZone());
                }
                aggregates(groupNode.putObject("Utilization"), group.aggregates());
            }
            aggregates(entry.putObject("Total"), bucket.aggregates());
        }
        aggregates(output.putObject("Total"), result.get(result.size() - 1).aggregates());
        return output;
    }

    /**
     * The dimensions its Filter selects reservations by, of those its model lists that Gureum's reservations have,
     * their values as this operation's group attributes write them (CACHE_ENGINE and DEPLOYMENT_OPTION are other
     * services').
     */
    private static Map<String, Function<BilledReservation, String>> filterDimensions(String account) {
        Map<String, Function<BilledReservation, String>> dimensions = new LinkedHashMap<>();
        dimensions.put("AZ", BilledReservation::availabilityZone);
        dimensions.put("INSTANCE_TYPE", BilledReservation::instanceType);
        dimensions.put("LINKED_ACCOUNT", reservation -> account);
        dimensions.put("PLATFORM", reservation -> PLATFORM);
        dimensions.put("REGION", BilledReservation::region);
        dimensions.put("SCOPE", ReservationUtilizationAnswers::scope);
        dimensions.put("SERVICE", reservation -> SERVICE);
        dimensions.put("TENANCY", reservation -> TENANCY);
        return dimensions;
    }

    private static String scope(BilledReservation reservation) {
        return reservation.availabilityZone() == null ? "Region" : "Availability Zone";
    }

    private static void aggregates(ObjectNode node, ReservationAggregates total) {
        node.put("UtilizationPercentage", text(total.utilizationPercentage()))
                .put("UtilizationPercentageInUnits", text(total.utilizationPercentageInUnits()))
                .put("PurchasedHours", text(total.purchasedHours()))
                .put("PurchasedUnits", text(total.purchasedUnits()))
                .put("TotalActualHours", text(total.actualHours()))
                .put("TotalActualUnits", text(total.actualUnits()))
                .put("UnusedHours", text(total.unusedHours()))
                .put("UnusedUnits", text(total.unusedUnits()))
                .put("OnDemandCostOfRIHoursUsed", text(total.onDemandCostOfUsedHours()))
                .put("NetRISavings", text(total.netRiSavings()))
                .put("TotalPotentialRISavings", text(total.totalPotentialRiSavings()))
                .put("AmortizedUpfrontFee", text(total.amortizedUpfrontFee()))
                .put("AmortizedRecurringFee", text(total.amortizedRecurringFee()))
                .put("TotalAmortizedFee", text(total.totalAmortizedFee()))
                .put("RICostForUnusedHours", text(total.costForUnusedHours()))
                .put("RealizedSavings", text(total.realizedSavings()))
                .put("UnrealizedSavings", text(total.unrealizedSavings()));
    }

}
