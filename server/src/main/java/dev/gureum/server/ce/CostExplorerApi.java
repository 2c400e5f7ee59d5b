package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.cost.CostAndUsage;
import dev.gureum.core.cost.CostDimension;
import dev.gureum.core.cost.CostExplorer;
import dev.gureum.core.cost.CostFilter;
import dev.gureum.core.cost.CostGrouping;
import dev.gureum.core.cost.CostMetric;
import dev.gureum.core.cost.CostValues;
import dev.gureum.core.cost.ReservationCoverages;
import dev.gureum.core.cost.SavingsPlansReports;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.protocol.document.RpcErrors;
import dev.gureum.protocol.json.JsonDocument;
import dev.gureum.protocol.json.JsonDocumentProtocol;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.server.dispatch.JsonDocuments;
import dev.gureum.server.dispatch.JsonMembers;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cost Explorer ({@code ce}, awsJson 1.1, target prefix {@code AWSInsightsIndexService}). The SDK for Java's
 * costexplorer model is not among Gureum's dependencies, so requests are read and answers written as JSON
 * documents here, in the shapes of the service's model (2017-10-25). Every operation of the model is
 * recognised; GetCostAndUsage, GetCostAndUsageWithResources, GetReservationUtilization, GetReservationCoverage,
 * GetSavingsPlansUtilization, GetSavingsPlansUtilizationDetails and GetSavingsPlansCoverage
 * ({@link SavingsPlansCosts}), GetDimensionValues and GetTags are answered from the bill,
 * the others with {@code UnsupportedOperation} naming them.
 */
public final class CostExplorerApi {
    /** Every operation of Cost Explorer's API (2017-10-25), as botocore's model lists them. */
    static final Set<String> OPERATIONS = Set.of("CreateAnomalyMonitor", "CreateAnomalySubscription",
            "CreateCostCategoryDefinition", "DeleteAnomalyMonitor", "DeleteAnomalySubscription",
            "DeleteCostCategoryDefinition", "DescribeCostCategoryDefinition", "GetAnomalies", "GetAnomalyMonitors",
            "GetAnomalySubscriptions", "GetCostAndUsage", "GetCostAndUsageWithResources", "GetCostCategories",
            "GetCostForecast", "GetDimensionValues", "GetReservationCoverage", "GetReservationPurchaseRecommendation",
            "GetReservationUtilization", "GetRightsizingRecommendation", "GetSavingsPlansCoverage",
            "GetSavingsPlansPurchaseRecommendation", "GetSavingsPlansUtilization",
            "GetSavingsPlansUtilizationDetails", "GetTags", "GetUsageForecast", "ListCostAllocationTags",
            "ListCostCategoryDefinitions", "ListSavingsPlansPurchaseRecommendationGeneration", "ListTagsForResource",
            "ProvideAnomalyFeedback", "StartSavingsPlansPurchaseRecommendationGeneration", "TagResource",
            "UntagResource", "UpdateAnomalyMonitor", "UpdateAnomalySubscription", "UpdateCostAllocationTagsStatus",
            "UpdateCostCategoryDefinition");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The model's pattern for a TimePeriod's Start and End. */
    private static final java.util.regex.Pattern YEAR_MONTH_DAY =
            java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T\\d{2}:\\d{2}:\\d{2}Z)?");

    private final CostExplorer costs;
    private final SavingsPlansCosts savingsPlans;
    private final CostValueLists values;
    private final ReservationUtilizationAnswers reservationUtilization;
    private final ReservationCoverageAnswers reservationCoverage;

    private CostExplorerApi(CostExplorer costs, ReservationCoverages coverages) {
        this.costs = costs;
        this.savingsPlans = new SavingsPlansCosts(new SavingsPlansReports(costs));
        this.values = new CostValueLists(new CostValues(costs));
        this.reservationUtilization = new ReservationUtilizationAnswers(costs);
        this.reservationCoverage = new ReservationCoverageAnswers(coverages);
    }

    public static ServiceEndpoint create(CostExplorer costs, ReservationCoverages coverages) {
        OperationTable table = new OperationTable();
        table.register(JsonDocument.class, new CostExplorerApi(costs, coverages)::handle);
        return new ServiceEndpoint("ce", new JsonDocumentProtocol(OPERATIONS, "1.1", "AWSInsightsIndexService",
                new RpcErrors(code -> code, false)), RequiredMembers.none(), table);
    }

    JsonDocument handle(JsonDocument request, RequestContext context) {
        JsonNode input = JsonDocuments.input(request);
        ObjectNode output = switch (request.operation()) {
            case "GetCostAndUsage" -> costAndUsage(wholeAnswer(input), context, false);
            case "GetCostAndUsageWithResources" -> costAndUsage(wholeAnswer(input), context, true);
            case "GetReservationUtilization" -> reservationUtilization.utilization(wholeAnswer(input), context);
            case "GetReservationCoverage" -> reservationCoverage.coverage(wholeAnswer(input), context);
            case "GetSavingsPlansUtilization" -> savingsPlans.utilization(input, context);
            case "GetSavingsPlansUtilizationDetails" -> savingsPlans.utilizationDetails(input, context);
            case "GetSavingsPlansCoverage" -> savingsPlans.coverage(input, context);
            case "GetDimensionValues" -> values.dimensionValues(input, context);
            case "GetTags" -> values.tags(input, context);
            default -> throw CostExplorerError.UNSUPPORTED_OPERATION.exception("The action " + request.operation()
                    + " is not supported by Gureum yet.");
        };
        return JsonDocuments.answer(request, output);
    }

    /** Refuses the first of {@code members} the input gives: parts of {@code operation} Gureum does not do yet. */
    static void refuseUnsupported(JsonNode input, String operation, String... members) {
        for (String member : members) {
            if (input.hasNonNull(member)) {
                throw CostExplorerError.VALIDATION.exception(member + " is not supported by Gureum's " + operation
                        + " yet.");
            }
        }
    }

    /** The input of an operation whose answers are whole: it never handed out a NextPageToken to come back. */
    private static JsonNode wholeAnswer(JsonNode input) {
        String nextPageToken = JsonMembers.string(input, "NextPageToken");
        if (nextPageToken != null) {
            throw CostExplorerError.INVALID_NEXT_TOKEN.exception("The NextPageToken " + nextPageToken
                    + " is not valid.");
        }
        return input;
    }

    /**
     * GetCostAndUsage, or with {@code withResources} GetCostAndUsageWithResources, whose Filter is required and
     * which also groups and filters by RESOURCE_ID.
     */
    private ObjectNode costAndUsage(JsonNode input, RequestContext context, boolean withResources) {
        if (withResources) {
            required(input, "Filter");
        }
        Granularity granularity = granularity(requiredString(input, "Granularity"));
        Period period = period(input);
        Instant start = period.start();
        Instant end = period.end();
        if (!withResources) {
            required(input, "Metrics");
        }
        List<CostMetric> metrics = new ArrayList<>();
        for (String name : JsonMembers.strings(input, "Metrics")) {
            metrics.add(CostMetric.named(name).orElseThrow(() -> CostExplorerError.VALIDATION.exception(
                    "Metric " + name + " is not valid. Valid metrics are AmortizedCost, BlendedCost, "
                            + "NetAmortizedCost, NetUnblendedCost, NormalizedUsageAmount, UnblendedCost and "
                            + "UsageQuantity.")));
        }
        List<CostGrouping> groupBy = new ArrayList<>();
        for (JsonNode group : JsonMembers.structures(input, "GroupBy")) {
            String type = JsonMembers.string(group, "Type");
            groupBy.add(switch (type == null ? "" : type) {
                case "DIMENSION" -> dimension(requiredString(group, "Key"));
                case "TAG" -> new CostGrouping.Tag(requiredString(group, "Key"));
                default -> throw CostExplorerError.VALIDATION.exception("Group definition type " + type
                        + " is not supported by Gureum yet; group by DIMENSION or TAG.");
            });
        }
        CostFilter filter = filterOf(input);
        CostAndUsage result = withResources
                ? costs.costAndUsageWithResources(context.account(), start, end, granularity, metrics, groupBy, filter)
                : costs.costAndUsage(context.account(), start, end, granularity, metrics, groupBy, filter);
        ObjectNode output = JSON.createObjectNode();
        ArrayNode definitions = output.putArray("GroupDefinitions");
        for (CostGrouping grouping : result.groupDefinitions()) {
            definitions.addObject().put("Type", grouping.type()).put("Key", grouping.key());
        }
        ArrayNode results = output.putArray("ResultsByTime");
        for (CostAndUsage.Period bucket : result.results()) {
            ObjectNode entry = results.addObject();
            entry.putObject("TimePeriod").put("Start", dateText(bucket.start(), granularity))
                    .put("End", dateText(bucket.end(), granularity));
            metrics(entry.putObject("Total"), bucket.total());
            ArrayNode groups = entry.putArray("Groups");
            for (CostAndUsage.Group group : bucket.groups()) {
                ObjectNode groupNode = groups.addObject();
                ArrayNode keys = groupNode.putArray("Keys");
                group.keys().forEach(keys::add);
                metrics(groupNode.putObject("Metrics"), group.metrics());
            }
            entry.put("Estimated", bucket.estimated());
        }
        output.putArray("DimensionValueAttributes");
        return output;
    }

    static String text(java.math.BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static void metrics(ObjectNode node, Map<String, CostAndUsage.Amount> metrics) {
        metrics.forEach((name, amount) -> node.putObject(name)
                .put("Amount", text(amount.amount()))
                .put("Unit", amount.unit()));
    }

    /**
     * The request's Filter, or every line item: an expression of exactly one of Dimensions, Tags, And, Or, Not
     * (CostCategories not yet).
     */
    static CostFilter filterOf(JsonNode input) {
        JsonNode expression = JsonMembers.structure(input, "Filter");
        return expression != null ? filter(expression) : CostFilter.ALL;
    }

    private static CostFilter filter(JsonNode expression) {
        List<String> present = new ArrayList<>();
        expression.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                present.add(field.getKey());
            }
        });
        if (present.size() > 1) {
            throw CostExplorerError.VALIDATION.exception("Expression has more than one roots. Only one root operator"
                    + " is allowed for each expression: And, Or, Not, Dimensions, Tags, CostCategories");
        }
        if (present.isEmpty()) {
            throw CostExplorerError.VALIDATION.exception("Expression must have one root operator: And, Or, Not,"
                    + " Dimensions, Tags, CostCategories");
        }
        String operator = present.get(0);
        return switch (operator) {
            case "Dimensions" -> {
                JsonNode value = JsonMembers.structure(expression, operator);
                matchOptions(value, "Dimensions", Set.of("EQUALS", "CASE_SENSITIVE"));
                yield new CostFilter.Dimension(dimension(JsonMembers.string(value, "Key")),
                        JsonMembers.strings(value, "Values"));
            }
            case "Tags" -> {
                JsonNode value = JsonMembers.structure(expression, operator);
                boolean absent = matchOptions(value, "Tags", Set.of("EQUALS", "ABSENT", "CASE_SENSITIVE"))
                        .contains("ABSENT");
                String key = JsonMembers.string(value, "Key");
                List<String> values = JsonMembers.strings(value, "Values");
                if (key == null && !values.isEmpty()) {
                    throw CostExplorerError.VALIDATION.exception("A Tags expression with Values needs the Key"
                            + " they are values of.");
                }
                yield new CostFilter.Tag(key, values, absent);
            }
            case "And", "Or" -> {
                List<CostFilter> parts = new ArrayList<>();
                JsonMembers.structures(expression, operator).forEach(part -> parts.add(filter(part)));
                if (parts.size() < 2) {
                    throw CostExplorerError.VALIDATION.exception(present.get(0)
                            + " needs at least two expressions.");
                }
                yield present.get(0).equals("And") ? new CostFilter.And(parts) : new CostFilter.Or(parts);
            }
            case "Not" -> new CostFilter.Not(filter(JsonMembers.structure(expression, operator)));
            default -> throw CostExplorerError.VALIDATION.exception(present.get(0)
                    + " expressions are not supported by Gureum yet.");
        };
    }

    /**
     * The match options of a Dimensions or Tags expression, each one GetCostAndUsage accepts for it (EQUALS and
     * CASE_SENSITIVE are what it does without any).
     */
    static List<String> matchOptions(JsonNode expression, String of, Set<String> valid) {
        List<String> options = JsonMembers.strings(expression, "MatchOptions");
        for (String option : options) {
            if (!valid.contains(option)) {
                throw CostExplorerError.VALIDATION.exception("Match option " + option + " is not valid for "
                        + of + " here; valid: " + String.join(", ", new java.util.TreeSet<>(valid)) + ".");
            }
        }
        return options;
    }

    static CostDimension dimension(String key) {
        return CostDimension.named(key).orElseThrow(() -> CostExplorerError.VALIDATION.exception("Dimension "
                + key + " is not supported by Gureum (AZ, INSTANCE_TYPE, LINKED_ACCOUNT, PURCHASE_TYPE, "
                + "RECORD_TYPE, REGION, RESOURCE_ID, SERVICE, USAGE_TYPE)."));
    }

    /** The Granularity of an operation that takes DAILY or MONTHLY only; null when not given. */
    static Granularity dailyOrMonthly(JsonNode input, String operation) {
        String name = JsonMembers.string(input, "Granularity");
        Granularity granularity = name != null ? granularity(name) : null;
        if (granularity == Granularity.HOURLY) {
            throw CostExplorerError.VALIDATION.exception(operation + " supports DAILY and MONTHLY.");
        }
        return granularity;
    }

    static Granularity granularity(String name) {
        return switch (name) {
            case "HOURLY" -> Granularity.HOURLY;
            case "DAILY" -> Granularity.DAILY;
            case "MONTHLY" -> Granularity.MONTHLY;
            default -> throw CostExplorerError.VALIDATION.exception("Granularity " + name
                    + " is not one of DAILY, MONTHLY, HOURLY.");
        };
    }

    /** {@code YYYY-MM-DD}, or {@code YYYY-MM-DDThh:mm:ssZ} as HOURLY requests give it. */
    static Instant date(String text, String member) {
        if (!YEAR_MONTH_DAY.matcher(text).matches()) {
            throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value '" + text + "' at "
                    + "'timePeriod." + member.toLowerCase(java.util.Locale.ROOT) + "' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: " + YEAR_MONTH_DAY.pattern());
        }
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw CostExplorerError.VALIDATION.exception("TimePeriod." + member + " " + text
                    + " is not a date (YYYY-MM-DD, or YYYY-MM-DDThh:mm:ssZ for HOURLY).");
        }
    }

    static String dateText(Instant at, Granularity granularity) {
        return granularity == Granularity.HOURLY ? at.toString()
                : LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** A request's TimePeriod: Start and End, each a date ({@link #date}). */
    record Period(Instant start, Instant end) {
    }

    /** The request's TimePeriod, which it must have. */
    static Period period(JsonNode input) {
        required(input, "TimePeriod");
        JsonNode period = JsonMembers.structure(input, "TimePeriod");
        return new Period(date(requiredString(period, "Start"), "Start"), date(requiredString(period, "End"), "End"));
    }

    /** A string member the request must have. */
    static String requiredString(JsonNode node, String member) {
        required(node, member);
        return JsonMembers.string(node, member);
    }

    static JsonNode required(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value null at '"
                    + member + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }
}
