package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gureum.core.RequestContext;
import dev.gureum.core.cost.CostValues;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * GetDimensionValues (in the COST_AND_USAGE context) and GetTags, a page at a time: MaxResults values (all when
 * not given) and a NextPageToken while more remain. SortBy is not supported yet and says so.
 */
final class CostValueLists {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PREFIX = "values:";

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
        refuseSorting(input, "GetDimensionValues");
        List<String> all = values.dimensionValues(context.account(), start, end, CostExplorerApi.dimension(dimension),
                JsonMembers.string(input, "SearchString"), CostExplorerApi.filterOf(input));
        ObjectNode output = JSON.createObjectNode();
        ArrayNode listed = output.putArray("DimensionValues");
        page(input, all, output).forEach(value -> listed.addObject().put("Value", value).putObject("Attributes"));
        return output;
    }

    ObjectNode tags(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Instant start = period.start();
        Instant end = period.end();
        refuseSorting(input, "GetTags");
        List<String> all = values.tags(context.account(), start, end, JsonMembers.string(input, "TagKey"),
                JsonMembers.string(input, "SearchString"), CostExplorerApi.filterOf(input));
        ObjectNode output = JSON.createObjectNode();
        ArrayNode listed = output.putArray("Tags");
        page(input, all, output).forEach(listed::add);
        return output;
    }

    private static void refuseSorting(JsonNode input, String operation) {
        if (!JsonMembers.structures(input, "SortBy").isEmpty()) {
            throw CostExplorerError.VALIDATION.exception("SortBy is not supported by Gureum's " + operation + " yet.");
        }
    }

    /** The page the request asks for; writes ReturnSize, TotalSize and, while more remain, NextPageToken. */
    private static List<String> page(JsonNode input, List<String> all, ObjectNode output) {
        int from = offset(JsonMembers.string(input, "NextPageToken"), all.size());
        Integer maxResults = JsonMembers.integer(input, "MaxResults");
        if (maxResults != null && maxResults < 1) {
            throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal"
                    + " to 1");
        }
        int to = maxResults == null ? all.size() : (int) Math.min(all.size(), (long) from + maxResults);
        List<String> page = all.subList(from, to);
        output.put("ReturnSize", page.size()).put("TotalSize", all.size());
        if (to < all.size()) {
            output.put("NextPageToken", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (TOKEN_PREFIX + to).getBytes(StandardCharsets.UTF_8)));
        }
        return page;
    }

    private static int offset(String token, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal below
        }
        throw CostExplorerError.INVALID_NEXT_TOKEN.exception("The NextPageToken " + token + " is not valid.");
    }
}
