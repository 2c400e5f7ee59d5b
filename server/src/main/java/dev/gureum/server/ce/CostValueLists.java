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
 * GetDimensionValues (in the COST_AND_USAGE context) and GetTags, 1,000 values a page with a NextPageToken while
 * more remain. MaxResults "is only used when SortBy is provided" (at most 1,000), and SortBy is not supported yet
 * and says so.
 */
final class CostValueLists {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PREFIX = "values:";
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
        refuseSorting(input, "GetDimensionValues");
        List<String> all = values.dimensionValues(context.account(), start, end, CostExplorerApi.dimension(dimension),
                text(input, "SearchString"), CostExplorerApi.filterOf(input));
        ObjectNode output = JSON.createObjectNode();
        ArrayNode listed = output.putArray("DimensionValues");
        page(input, all, PAGE, output).forEach(value -> listed.addObject().put("Value", value).putObject("Attributes"));
        return output;
    }

    ObjectNode tags(JsonNode input, RequestContext context) {
        CostExplorerApi.Period period = CostExplorerApi.period(input);
        Instant start = period.start();
        Instant end = period.end();
        refuseSorting(input, "GetTags");
        List<String> all = values.tags(context.account(), start, end, text(input, "TagKey"),
                text(input, "SearchString"), CostExplorerApi.filterOf(input));
        ObjectNode output = JSON.createObjectNode();
        ArrayNode listed = output.putArray("Tags");
        page(input, all, PAGE, output).forEach(listed::add);
        return output;
    }

    /** SortBy, not supported yet; and MaxResults, which only SortBy uses, held to its bounds (1 to 1,000). */
    private static void refuseSorting(JsonNode input, String operation) {
        if (!JsonMembers.structures(input, "SortBy").isEmpty()) {
            throw CostExplorerError.VALIDATION.exception("SortBy is not supported by Gureum's " + operation + " yet.");
        }
        Integer maxResults = JsonMembers.integer(input, "MaxResults");
        if (maxResults != null && (maxResults < 1 || maxResults > PAGE)) {
            throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and " + PAGE);
        }
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
    static List<String> page(JsonNode input, List<String> all, int pageSize, ObjectNode output) {
        int from = offset(JsonMembers.string(input, "NextPageToken"), all.size());
        int to = (int) Math.min(all.size(), (long) from + pageSize);
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
