package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.cost.CostMetric;
import dev.gureum.core.cost.CostSort;
import dev.gureum.core.cost.CostValues;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GetDimensionValues (in the COST_AND_USAGE context) and GetTags, 1,000 values a page with a NextPageToken while
 * more remain; with SortBy (a metric to sort by, ASCENDING or DESCENDING, up to the metrics GetCostAndUsage sums),
 * the first MaxResults values ("only used when SortBy is provided", at most 1,000), without a token.
 */
final class CostValueLists {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PAGE = 1_000;
    private static final int MAX_TEXT = 1_024;

    private final CostValues values;

    CostValueLists(CostValues values) {
        this.values = values;
    }

    ObjectNode dimensionValues(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Instant start = period.start();
        Instant end = period.end();
        String dimension = CostExplorerApi.requiredString(input, "Dimension");
        String valuesContext = JsonMembers.string(input, "Context");
        if (valuesContext != null && !valuesContext.equals("COST_AND_USAGE")) {
            throw CostExplorerError.VALIDATION.exception("GetDimensionValues in the " + valuesContext
                    + " context is not supported by Gureum yet; use COST_AND_USAGE.");
        }
        List<CostSort> sortBy = sortBy(input);
        List<String> all = values.dimensionValues(context.account(), start, end, CostExplorerApi.dimension(dimension),
                text(input, "SearchString"), CostExplorerApi.filterOf(input), sortBy);
        ObjectNode output = JSON.createObjectNode();
        ArrayNode listed = output.putArray("DimensionValues");
        answered(input, "GetDimensionValues", all, sortBy, output)
                .forEach(value -> listed.addObject().put("Value", value).putObject("Attributes"));
        return output;
    }

    ObjectNode tags(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Instant start = period.start();
        Instant end = period.end();
        List<CostSort> sortBy = sortBy(input);
        List<String> all = values.tags(context.account(), start, end, text(input, "TagKey"),
                text(input, "SearchString"), CostExplorerApi.filterOf(input), sortBy);
        ObjectNode output = JSON.createObjectNode();
        ArrayNode listed = output.putArray("Tags");
        answered(input, "GetTags", all, sortBy, output).forEach(listed::add);
        return output;
    }

    /**
     * The values answered: without SortBy, the page the NextPageToken asks for; with it, the first MaxResults of the
     * sorted values and no token ("when you use SortBy, NextPageToken and SearchString aren't supported").
     */
    private static List<String> answered(JsonNode input, String operation, List<String> all, List<CostSort> sortBy,
                                         ObjectNode output) {
        int maxResults = pageSize(input);
        if (sortBy.isEmpty()) {
            return page(input, operation, all, PAGE, output);
        }
        List<String> top = all.subList(0, Math.min(all.size(), maxResults));
        output.put("ReturnSize", top.size()).put("TotalSize", all.size());
        return top;
    }

    /**
     * The SortBy definitions: each a metric and an order (ASCENDING when none is given); with them, neither a
     * NextPageToken nor a SearchString.
     */
    private static List<CostSort> sortBy(JsonNode input) {
        List<CostSort> sorts = new ArrayList<>();
        for (JsonNode definition : JsonMembers.structures(input, "SortBy")) {
            String key = CostExplorerApi.requiredString(definition, "Key");
            CostMetric metric = CostMetric.named(key).orElseThrow(() -> CostExplorerError.VALIDATION.exception(
                    "SortBy key " + key + " is not valid. Valid keys are AmortizedCost, BlendedCost, NetAmortizedCost, "
                            + "NetUnblendedCost, NormalizedUsageAmount, UnblendedCost and UsageQuantity."));
            sorts.add(new CostSort(metric, SortKeys.descending(definition, "sortBy.member")));
        }
        if (!sorts.isEmpty() && (input.hasNonNull("NextPageToken") || input.hasNonNull("SearchString"))) {
            throw CostExplorerError.VALIDATION.exception("When you use SortBy, NextPageToken and SearchString aren't"
                    + " supported.");
        }
        return sorts;
    }

    /** MaxResults, held to its bounds (1 to 1,000); 1,000 when not given. It is used only with SortBy. */
    private static int pageSize(JsonNode input) {
        Integer maxResults = JsonMembers.integer(input, "MaxResults");
        if (maxResults != null && (maxResults < 1 || maxResults > PAGE)) {
            throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and " + PAGE);
        }
        return maxResults == null ? PAGE : maxResults;
    }

    /** A string member of at most 1,024 characters (SearchString, TagKey). */
    private static String text(JsonNode input, String member) {
        String value = JsonMembers.string(input, member);
        if (value != null && value.length() > MAX_TEXT) {
            throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_TEXT);
        }
        return value;
    }

    /**
     * The page of {@code pageSize} values the request's NextPageToken asks for; writes ReturnSize, TotalSize and,
     * while more remain, NextPageToken.
     */
    static List<String> page(JsonNode input, String operation, List<String> all, int pageSize, ObjectNode output) {
        CostPages.Page<String> page = CostPages.page(all, input, "NextPageToken", operation, pageSize);
        output.put("ReturnSize", page.items().size()).put("TotalSize", all.size());
        if (page.nextToken() != null) {
            output.put("NextPageToken", page.nextToken());
        }
        return page.items();
    }
}
