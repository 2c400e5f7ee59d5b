package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Filter of the Reserved Instance and Savings Plans operations, as their models describe it: "only AND is
 * supported among each dimension", nested one level deep, and "if there are multiple values for a dimension, they are
 * OR'd together". Each operation names the dimensions it filters by and how an item of its answer reads each one.
 * A dimension's values match exactly (the match options EQUALS and CASE_SENSITIVE, which say so, are taken).
 */
final class DimensionFilter {
    private DimensionFilter() {
    }

    /**
     * The request's Filter as a test of an item, every item passing without one; a dimension outside
     * {@code dimensions}, or another operator than And of Dimensions, is refused naming what {@code operation} takes.
     */
    static <T> Predicate<T> of(JsonNode input, String operation, Map<String, Function<T, String>> dimensions) {
        JsonNode expression = JsonMembers.structure(input, "Filter");
        return expression == null ? item -> true : parse(expression, true, operation, dimensions);
    }

    private static <T> Predicate<T> parse(JsonNode expression, boolean top, String operation,
                                          Map<String, Function<T, String>> dimensions) {
        if (top && present(expression, "And") && expression.size() == 1) {
            Predicate<T> all = item -> true;
            for (JsonNode part : JsonMembers.structures(expression, "And")) {
                all = all.and(parse(part, false, operation, dimensions));
            }
            return all;
        }
        if (!present(expression, "Dimensions") || expression.size() != 1) {
            throw CostExplorerError.VALIDATION.exception(operation + " filters support only And, one level deep, of"
                    + " Dimensions.");
        }
        JsonNode dimension = JsonMembers.structure(expression, "Dimensions");
        String key = CostExplorerApi.requiredString(dimension, "Key");
        CostExplorerApi.matchOptions(dimension, "Dimensions", Set.of("EQUALS", "CASE_SENSITIVE"));
        Function<T, String> value = dimensions.get(key);
        if (value == null) {
            throw CostExplorerError.VALIDATION.exception(operation + " does not filter by " + key + " in Gureum; it"
                    + " filters by " + String.join(", ", dimensions.keySet()) + ".");
        }
        List<String> values = JsonMembers.strings(dimension, "Values");
        return item -> values.contains(value.apply(item));
    }

    private static boolean present(JsonNode expression, String member) {
        JsonNode value = expression.get(member);
        return value != null && !value.isNull();
    }
}
