package dev.gureum.core.sns.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.sns.MessageAttribute;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A subscription's filter policy, parsed and validated once ({@link FilterPolicyParser}), then matched
 * against each message: against its attributes (scope {@code MessageAttributes}: a flat policy; only
 * String, String.Array and Number attributes take part) or against its JSON body (scope {@code MessageBody}:
 * nested keys follow the body's objects; a body array matches when any element does). Keys are ANDed, the
 * values of a key ORed, and {@code $or} takes any one of its alternatives.
 */
public final class FilterPolicy {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Branch root;
    private final FilterScope scope;

    /** Keys whose leaf conditions apply to values, nested keys (message body only), and {@code $or} groups. */
    record Branch(Map<String, List<Condition>> leaves, Map<String, Branch> children, List<List<Branch>> alternatives) {
        boolean matches(Document document) {
            for (Map.Entry<String, List<Condition>> leaf : leaves.entrySet()) {
                if (!leafMatches(leaf.getValue(), document.values(leaf.getKey()))) {
                    return false;
                }
            }
            for (Map.Entry<String, Branch> child : children.entrySet()) {
                if (document.children(child.getKey()).stream().noneMatch(child.getValue()::matches)) {
                    return false;
                }
            }
            for (List<Branch> group : alternatives) {
                if (group.stream().noneMatch(branch -> branch.matches(document))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean leafMatches(List<Condition> conditions, List<FilterValue> values) {
            if (values == null) {
                return conditions.stream().anyMatch(Condition::acceptsAbsence);
            }
            for (FilterValue value : values) {
                for (Condition condition : conditions) {
                    if (condition.accepts(value)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** What a policy reads: a key's values (null when absent) and, in a body, the objects under a key. */
    interface Document {
        List<FilterValue> values(String key);

        List<Document> children(String key);
    }

    FilterPolicy(Branch root, FilterScope scope) {
        this.root = root;
        this.scope = scope;
    }

    /**
     * Parses and validates a policy.
     *
     * @param errorPrefix how SNS begins the message of an invalid one: {@code "Invalid parameter: "} from
     *                    SetSubscriptionAttributes, {@code "Invalid parameter: Attributes Reason: "} from Subscribe
     * @throws dev.gureum.core.error.CloudException {@code InvalidParameter} with SNS's reason
     */
    public static FilterPolicy parse(String json, FilterScope scope, String errorPrefix) {
        return new FilterPolicyParser(scope, errorPrefix).parse(json);
    }

    public FilterScope scope() {
        return scope;
    }

    /** Whether a message with these attributes and this body passes. A body that is not JSON never passes a body policy. */
    public boolean matches(Map<String, MessageAttribute> attributes, String body) {
        if (scope == FilterScope.MESSAGE_ATTRIBUTES) {
            return root.matches(new AttributeDocument(attributes));
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
        return parsed != null && parsed.isObject() && root.matches(new BodyDocument(parsed));
    }

    private record AttributeDocument(Map<String, MessageAttribute> attributes) implements Document {
        @Override
        public List<FilterValue> values(String key) {
            MessageAttribute attribute = attributes.get(key);
            if (attribute == null) {
                return null;
            }
            return switch (attribute.baseType()) {
                case "String" -> List.of(FilterValue.string(attribute.stringValue()));
                case "Number" -> List.of(FilterValue.number(new BigDecimal(attribute.stringValue().trim())));
                case "String.Array" -> arrayValues(attribute.stringValue());
                default -> List.of();
            };
        }

        @Override
        public List<Document> children(String key) {
            return List.of();
        }

        private static List<FilterValue> arrayValues(String json) {
            try {
                return BodyDocument.scalars(JSON.readTree(json));
            } catch (IOException e) {
                return List.of();
            }
        }
    }

    private record BodyDocument(JsonNode node) implements Document {
        @Override
        public List<FilterValue> values(String key) {
            JsonNode value = node.get(key);
            return value == null ? null : scalars(value);
        }

        @Override
        public List<Document> children(String key) {
            JsonNode value = node.get(key);
            List<Document> children = new ArrayList<>();
            if (value != null && value.isObject()) {
                children.add(new BodyDocument(value));
            } else if (value != null && value.isArray()) {
                value.forEach(element -> {
                    if (element.isObject()) {
                        children.add(new BodyDocument(element));
                    }
                });
            }
            return children;
        }

        static List<FilterValue> scalars(JsonNode value) {
            List<FilterValue> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(element -> addScalar(element, values));
            } else {
                addScalar(value, values);
            }
            return values;
        }

        private static void addScalar(JsonNode value, List<FilterValue> into) {
            if (value.isTextual()) {
                into.add(FilterValue.string(value.asText()));
            } else if (value.isNumber()) {
                into.add(FilterValue.number(value.decimalValue()));
            } else if (value.isBoolean()) {
                into.add(FilterValue.bool(value.booleanValue()));
            } else if (value.isNull()) {
                into.add(FilterValue.nullValue());
            }
        }
    }
}
