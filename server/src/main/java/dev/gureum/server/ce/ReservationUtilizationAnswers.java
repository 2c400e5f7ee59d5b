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
import java.util.List;
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
        Predicate<BilledReservation> filter = reservationFilter(JsonMembers.structure(input, "Filter"), true,
                context.account());
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
     * The Filter as a test of a reservation: "only AND is supported among each dimension, and nesting is supported up
     * to only one level deep. If there are multiple values for a dimension, they are OR'd together", on the
     * dimensions the model lists that Gureum's reservations have (AZ, INSTANCE_TYPE, LINKED_ACCOUNT, PLATFORM, REGION,
     * SCOPE, SERVICE, TENANCY), their values as this operation's group attributes write them.
     */
    private static Predicate<BilledReservation> reservationFilter(JsonNode expression, boolean top, String account) {
        if (expression == null) {
            return reservation -> true;
        }
        JsonNode and = expression.get("And");
        JsonNode dimensions = expression.get("Dimensions");
        if (top && and != null && !and.isNull() && expression.size() == 1) {
            Predicate<BilledReservation> all = reservation -> true;
            for (JsonNode part : JsonMembers.structures(expression, "And")) {
                all = all.and(reservationFilter(part, false, account));
            }
            return all;
        }
        if (dimensions == null || dimensions.isNull() || expression.size() != 1) {
            throw CostExplorerError.VALIDATION.exception("GetReservationUtilization filters support only And, one level"
                    + " deep, of Dimensions.");
        }
        String key = JsonMembers.string(dimensions, "Key");
        List<String> values = JsonMembers.strings(dimensions, "Values");
        java.util.function.Function<BilledReservation, String> attribute = switch (key == null ? "" : key) {
            case "AZ" -> BilledReservation::availabilityZone;
            case "INSTANCE_TYPE" -> BilledReservation::instanceType;
            case "LINKED_ACCOUNT" -> reservation -> account;
            case "PLATFORM" -> reservation -> PLATFORM;
            case "REGION" -> BilledReservation::region;
            case "SCOPE" -> ReservationUtilizationAnswers::scope;
            case "SERVICE" -> reservation -> SERVICE;
            case "TENANCY" -> reservation -> TENANCY;
            default -> throw CostExplorerError.VALIDATION.exception("GetReservationUtilization does not filter by "
                    + key + "; it filters by AZ, INSTANCE_TYPE, LINKED_ACCOUNT, PLATFORM, REGION, SCOPE, SERVICE and"
                    + " TENANCY (and, for other services than EC2, CACHE_ENGINE and DEPLOYMENT_OPTION).");
        };
        return reservation -> values.contains(attribute.apply(reservation));
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
