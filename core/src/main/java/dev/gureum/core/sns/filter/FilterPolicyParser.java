package dev.gureum.core.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.SnsError;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a filter policy's JSON into conditions and holds it to SNS's published limits: at most five keys
 * (for a nested policy only the keys of the outer object count), at most 150 combinations (the product, over
 * every value array, of its length times its nesting depth; a {@code $or} adds up its alternatives), at most
 * 256 KB, numbers within ±10^9, nested keys only in the message-body scope.
 */
final class FilterPolicyParser {
    static final int MAX_KEYS = 5;
    static final int MAX_COMBINATIONS = 150;
    static final int MAX_BYTES = 256 * 1024;
    private static final BigDecimal NUMBER_LIMIT = BigDecimal.valueOf(1_000_000_000L);
    private static final Set<String> LOWER_BOUNDS = Set.of(">", ">=");
    private static final Set<String> UPPER_BOUNDS = Set.of("<", "<=");

    private final FilterScope scope;
    private final String errorPrefix;

    FilterPolicyParser(FilterScope scope, String errorPrefix) {
        this.scope = scope;
        this.errorPrefix = errorPrefix;
    }

    FilterPolicy parse(String json) {
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid("Filter policy is too large");
        }
        JsonNode root;
        try {
            root = FilterPolicy.JSON.readTree(json);
        } catch (IOException e) {
            throw invalid("failed to parse JSON.");
        }
        if (root == null || !root.isObject()) {
            throw invalid("Filter policy must be a JSON object");
        }
        if (countKeys(root) > MAX_KEYS) {
            throw invalid("Filter policy can not have more than " + MAX_KEYS + " keys");
        }
        FilterPolicy.Branch branch = branch(root, 1);
        if (combinations(root, 1) > MAX_COMBINATIONS) {
            throw invalid("Filter policy is too complex");
        }
        return new FilterPolicy(branch, scope);
    }

    private static long countKeys(JsonNode object) {
        long keys = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("$or") && field.getValue().isArray()) {
                long widest = 0;
                for (JsonNode alternative : field.getValue()) {
                    widest = Math.max(widest, alternative.isObject() ? countKeys(alternative) : 0);
                }
                keys += widest;
            } else {
                keys++;
            }
        }
        return keys;
    }

    private static long combinations(JsonNode object, int depth) {
        long product = 1;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("$or")) {
                long sum = 0;
                for (JsonNode alternative : value) {
                    sum += combinations(alternative, depth);
                }
                product *= Math.max(1, sum);
            } else if (value.isArray()) {
                product *= (long) value.size() * depth;
            } else {
                product *= combinations(value, depth + 1);
            }
            if (product > MAX_COMBINATIONS) {
                return product;
            }
        }
        return product;
    }

    private FilterPolicy.Branch branch(JsonNode object, int depth) {
        Map<String, List<Condition>> leaves = new LinkedHashMap<>();
        Map<String, FilterPolicy.Branch> children = new LinkedHashMap<>();
        List<List<FilterPolicy.Branch>> alternatives = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("$or")) {
                alternatives.add(alternatives(value, depth));
            } else if (value.isArray()) {
                if (value.isEmpty()) {
                    throw invalid("Empty arrays are not allowed");
                }
                List<Condition> conditions = new ArrayList<>();
                value.forEach(element -> conditions.add(condition(element)));
                leaves.put(key, List.copyOf(conditions));
            } else if (value.isObject()) {
                if (scope == FilterScope.MESSAGE_ATTRIBUTES) {
                    throw invalid("Filter policy scope MessageAttributes does not support nested filter policy");
                }
                children.put(key, branch(value, depth + 1));
            } else {
                throw invalid("\"" + key + "\" must be an object or an array");
            }
        }
        return new FilterPolicy.Branch(leaves, children, alternatives);
    }

    private List<FilterPolicy.Branch> alternatives(JsonNode value, int depth) {
        if (!value.isArray() || value.size() < 2) {
            throw invalid("Value of $or must be an array of more than one element");
        }
        List<FilterPolicy.Branch> branches = new ArrayList<>();
        for (JsonNode alternative : value) {
            if (!alternative.isObject()) {
                throw invalid("Value of $or must be an array of objects");
            }
            branches.add(branch(alternative, depth));
        }
        return List.copyOf(branches);
    }

    private Condition condition(JsonNode element) {
        if (element.isTextual()) {
            return new Condition.ExactString(element.asText());
        }
        if (element.isNumber()) {
            return new Condition.ExactNumber(number(element, "Match value"));
        }
        if (element.isBoolean()) {
            return new Condition.ExactKeyword(FilterValue.bool(element.booleanValue()));
        }
        if (element.isNull()) {
            return new Condition.ExactKeyword(FilterValue.nullValue());
        }
        if (!element.isObject()) {
            throw invalid("Match value must be String, number, true, false, or null");
        }
        if (element.size() != 1) {
            throw invalid("Only one key allowed in match expression");
        }
        Map.Entry<String, JsonNode> operator = element.fields().next();
        JsonNode operand = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> new Condition.Prefix(text(operand, "prefix"));
            case "suffix" -> new Condition.Suffix(text(operand, "suffix"));
            case "equals-ignore-case" -> new Condition.EqualsIgnoreCase(text(operand, "equals-ignore-case"));
            case "anything-but" -> anythingBut(operand);
            case "numeric" -> numeric(operand);
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw invalid("exists match pattern must be either true or false.");
                }
                yield new Condition.Exists(operand.booleanValue());
            }
            case "cidr" -> cidr(operand);
            default -> throw invalid("Unrecognized match type " + operator.getKey());
        };
    }

    private Condition anythingBut(JsonNode operand) {
        List<Condition> excluded = new ArrayList<>();
        if (operand.isTextual() || operand.isNumber()) {
            excluded.add(condition(operand));
        } else if (operand.isArray() && !operand.isEmpty()) {
            for (JsonNode value : operand) {
                if (!value.isTextual() && !value.isNumber()) {
                    throw invalid("Inside anything but list, start|null|boolean is not supported.");
                }
                excluded.add(condition(value));
            }
        } else if (operand.isObject() && operand.size() == 1
                && Set.of("prefix", "suffix", "equals-ignore-case").contains(operand.fieldNames().next())) {
            excluded.add(condition(operand));
        } else {
            throw invalid("Value of anything-but must be an array or single string/number value.");
        }
        return new Condition.AnythingBut(List.copyOf(excluded));
    }

    private Condition numeric(JsonNode operand) {
        if (!operand.isArray() || operand.isEmpty() || operand.size() % 2 != 0 || operand.size() > 4) {
            throw invalid("Value of numeric must be an array of one or two operator and number pairs.");
        }
        List<Condition.NumericRange.Bound> bounds = new ArrayList<>();
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode operator = operand.get(i);
            String name = operator.isTextual() ? operator.asText() : String.valueOf(operator);
            if (!Set.of("=", "<", "<=", ">", ">=").contains(name)) {
                throw invalid("Unrecognized numeric range operator: " + name);
            }
            bounds.add(new Condition.NumericRange.Bound(name, number(operand.get(i + 1), "Value of " + name)));
        }
        if (bounds.size() == 2) {
            Condition.NumericRange.Bound low = bounds.get(0);
            Condition.NumericRange.Bound high = bounds.get(1);
            if (!LOWER_BOUNDS.contains(low.operator()) || !UPPER_BOUNDS.contains(high.operator())) {
                throw invalid("Too many elements in numeric expression");
            }
            if (low.operand().compareTo(high.operand()) >= 0) {
                throw invalid("Bottom must be less than top");
            }
        }
        return new Condition.NumericRange(List.copyOf(bounds));
    }

    private Condition cidr(JsonNode operand) {
        String text = text(operand, "cidr");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw invalid("Malformed CIDR, one '/' required");
        }
        byte[] network = IpAddresses.parse(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (network == null || prefix < 0 || prefix > network.length * 8) {
            throw invalid("Nonstandard IP address: " + text);
        }
        return new Condition.Cidr(network, prefix);
    }

    private BigDecimal number(JsonNode value, String what) {
        if (!value.isNumber()) {
            throw invalid(what + " must be numeric");
        }
        BigDecimal number = value.decimalValue();
        if (number.abs().compareTo(NUMBER_LIMIT) > 0) {
            throw invalid(what + " must be between -1000000000 and 1000000000");
        }
        return number;
    }

    private String text(JsonNode value, String operator) {
        if (!value.isTextual()) {
            throw invalid(operator + " match pattern must be a string");
        }
        return value.asText();
    }

    private CloudException invalid(String reason) {
        return SnsError.INVALID_PARAMETER.exception(errorPrefix + "FilterPolicy: " + reason);
    }
}
