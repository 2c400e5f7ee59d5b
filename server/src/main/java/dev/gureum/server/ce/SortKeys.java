package dev.gureum.server.ce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gureum.core.error.CostExplorerError;
import dev.gureum.server.dispatch.JsonMembers;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A Cost Explorer operation's SortBy: a Key among the ones its model documents, each read from an answer's item, and
 * a SortOrder.
 */
final class SortKeys {
    private SortKeys() {
    }

    /**
     * The order SortBy asks for, or null without it: its Key one of {@code keys}, its SortOrder ASCENDING (the default)
     * or DESCENDING.
     */
    static <T> Comparator<T> sortBy(JsonNode input, String operation, Map<String, Function<T, Comparable<?>>> keys) {
        JsonNode definition = JsonMembers.structure(input, "SortBy");
        if (definition == null) {
            return null;
        }
        String key = CostExplorerApi.requiredString(definition, "Key");
        Function<T, Comparable<?>> value = keys.get(key);
        if (value == null) {
            throw CostExplorerError.VALIDATION.exception("SortBy key " + key + " is not valid for " + operation
                    + ". Valid keys are " + String.join(", ", keys.keySet()) + ".");
        }
        @SuppressWarnings("unchecked")
        Comparator<T> ascending = Comparator.comparing(item -> (Comparable<Object>) value.apply(item));
        return descending(definition, "sortBy") ? ascending.reversed() : ascending;
    }

    /**
     * Whether a sort definition (at {@code path} in the request, for the refusal) asks for DESCENDING; ASCENDING, or
     * no SortOrder, is not.
     */
    static boolean descending(JsonNode definition, String path) {
        String order = JsonMembers.string(definition, "SortOrder");
        if (order != null && !order.equals("ASCENDING") && !order.equals("DESCENDING")) {
            throw CostExplorerError.VALIDATION.exception("1 validation error detected: Value '" + order
                    + "' at '" + path + ".sortOrder' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [ASCENDING, DESCENDING]");
        }
        return "DESCENDING".equals(order);
    }

    /** Sort keys by name, in the order given (the order a refusal lists them in). */
    @SafeVarargs
    static <T> Map<String, Function<T, Comparable<?>>> of(Map.Entry<String, Function<T, Comparable<?>>>... keys) {
        Map<String, Function<T, Comparable<?>>> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Function<T, Comparable<?>>> key : keys) {
            ordered.put(key.getKey(), key.getValue());
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** The first {@code count} of {@code keys}. */
    static <T> Map<String, Function<T, Comparable<?>>> first(Map<String, Function<T, Comparable<?>>> keys, int count) {
        Map<String, Function<T, Comparable<?>>> first = new LinkedHashMap<>();
        keys.entrySet().stream().limit(count).forEach(key -> first.put(key.getKey(), key.getValue()));
        return first;
    }
}
