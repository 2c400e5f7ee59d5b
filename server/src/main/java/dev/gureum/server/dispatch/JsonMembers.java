package dev.gureum.server.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the members of a JSON request body by their type in the service's model. A member of another JSON type
 * (a number where the model has a string, an object where it has a list) is a {@code SerializationException}, as
 * AWS's JSON protocols answer it before any other check; an absent or null member reads as null, or as empty.
 */
public final class JsonMembers {

    private JsonMembers() {
    }

    /** A string member, or null. */
    public static String string(JsonNode parent, String member) {
        JsonNode value = present(parent, member);
        return value == null ? null : expect(value, JsonNodeType.STRING, member, "a String").textValue();
    }

    /** An integer member, or null. */
    public static Integer integer(JsonNode parent, String member) {
        JsonNode value = present(parent, member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw mismatch(value, member, "an Integer");
        }
        return value.intValue();
    }

    /** A structure member, or null. */
    public static JsonNode structure(JsonNode parent, String member) {
        JsonNode value = present(parent, member);
        return value == null ? null : expect(value, JsonNodeType.OBJECT, member, "a structure");
    }

    /** A list of strings, empty when absent. */
    public static List<String> strings(JsonNode parent, String member) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : list(parent, member)) {
            values.add(expect(item, JsonNodeType.STRING, member, "a String").textValue());
        }
        return values;
    }

    /** A list of structures, empty when absent. */
    public static List<JsonNode> structures(JsonNode parent, String member) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode item : list(parent, member)) {
            values.add(expect(item, JsonNodeType.OBJECT, member, "a structure"));
        }
        return values;
    }

    /** A list of whole numbers, empty when absent. */
    public static List<Long> longs(JsonNode parent, String member) {
        List<Long> values = new ArrayList<>();
        for (JsonNode item : list(parent, member)) {
            if (!item.canConvertToLong() || !item.isIntegralNumber()) {
                throw mismatch(item, member, "a Long");
            }
            values.add(item.longValue());
        }
        return values;
    }

    /** A map of strings to strings, empty when absent. */
    public static Map<String, String> stringMap(JsonNode parent, String member) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode value = present(parent, member);
        if (value != null) {
            expect(value, JsonNodeType.OBJECT, member, "a map").fields().forEachRemaining(entry -> map.put(
                    entry.getKey(), expect(entry.getValue(), JsonNodeType.STRING, member, "a String").textValue()));
        }
        return map;
    }

    private static List<JsonNode> list(JsonNode parent, String member) {
        JsonNode value = present(parent, member);
        List<JsonNode> items = new ArrayList<>();
        if (value != null) {
            expect(value, JsonNodeType.ARRAY, member, "a list").forEach(items::add);
        }
        return items;
    }

    private static JsonNode present(JsonNode parent, String member) {
        JsonNode value = parent.get(member);
        return value == null || value.isNull() ? null : value;
    }

    private static JsonNode expect(JsonNode value, JsonNodeType type, String member, String expected) {
        if (value.getNodeType() != type) {
            throw mismatch(value, member, expected);
        }
        return value;
    }

    private static ProtocolException mismatch(JsonNode value, String member, String expected) {
        return new ProtocolException(CommonError.SERIALIZATION_EXCEPTION, "Member " + member + ": "
                + value.getNodeType() + "_VALUE can not be converted to " + expected);
    }
}
