package dev.gureum.protocol.ec2;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.model.ShapePlan;
import dev.gureum.protocol.query.ParameterTree;
import dev.gureum.protocol.xml.Timestamps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Decodes EC2 query parameters into an SDK request object using only the model's metadata. EC2 lists
 * are always flattened ({@code InstanceId.1}, {@code Filter.2.Value.1}) with 1-based, possibly sparse
 * indices ordered as numbers; nested members join their query names with dots. A name the model does not
 * know is {@code UnknownParameter}; a value of the wrong type is {@code InvalidParameterValue}.
 */
public final class Ec2QueryDecoder {

    private Ec2QueryDecoder() {
    }

    /** Fills {@code builder} from the tree's children and builds it. */
    public static SdkPojo decode(SdkPojo builder, ParameterTree parameters) {
        return structure(builder, parameters);
    }

    private static SdkPojo structure(SdkPojo builder, ParameterTree node) {
        if (node.value() != null && !node.name().isEmpty()) {
            throw unknown(node);
        }
        ShapePlan plan = ShapePlan.of(builder);
        for (ParameterTree child : node.children().values()) {
            SdkField<?> field = plan.queryField(lastSegment(child));
            if (field == null) {
                throw unknown(child);
            }
            field.set(builder, value(field, child));
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object value(SdkField<?> field, ParameterTree node) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return switch (type) {
            case LIST -> list(field, node);
            case MAP -> map(field, node);
            case SDK_POJO -> structure(field.constructor().get(), node);
            default -> scalar(type, node);
        };
    }

    private static List<Object> list(SdkField<?> field, ParameterTree node) {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> items = new ArrayList<>();
        for (ParameterTree item : indexed(node).values()) {
            items.add(value(member, item));
        }
        return items;
    }

    private static Map<String, Object> map(SdkField<?> field, ParameterTree node) {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
        String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        Map<String, Object> entries = new LinkedHashMap<>();
        for (ParameterTree entry : indexed(node).values()) {
            ParameterTree key = null;
            ParameterTree value = null;
            for (ParameterTree part : entry.children().values()) {
                String partName = lastSegment(part);
                if (partName.equalsIgnoreCase(keyName)) {
                    key = part;
                } else if (partName.equalsIgnoreCase(valueName)) {
                    value = part;
                } else {
                    throw unknown(part);
                }
            }
            if (key == null || key.value() == null) {
                throw new ProtocolException(CommonError.MISSING_PARAMETER,
                        "The request must contain the parameter " + entry.name() + "." + keyName);
            }
            entries.put(key.value(), value == null ? null : value(trait.valueFieldInfo(), value));
        }
        return entries;
    }

    /** A list node's items by numeric index; anything but a positive integer is an unknown parameter. */
    private static Map<Integer, ParameterTree> indexed(ParameterTree node) {
        if (node.value() != null) {
            throw unknown(node);
        }
        Map<Integer, ParameterTree> items = new TreeMap<>();
        for (Map.Entry<String, ParameterTree> child : node.children().entrySet()) {
            int index = positiveIndex(child.getKey());
            if (index < 1) {
                throw unknown(child.getValue());
            }
            items.put(index, child.getValue());
        }
        return items;
    }

    private static int positiveIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    private static Object scalar(MarshallingKnownType type, ParameterTree node) {
        if (!node.children().isEmpty()) {
            throw unknown(node.children().values().iterator().next());
        }
        String text = node.value();
        try {
            if (type != MarshallingKnownType.STRING && type != MarshallingKnownType.SDK_BYTES
                    && !text.chars().allMatch(c -> c < 0x80)) {
                throw new IllegalArgumentException("numbers, booleans and timestamps are ASCII");
            }
            return switch (type) {
                case STRING -> text;
                case INTEGER -> Integer.valueOf(text.trim());
                case LONG -> Long.valueOf(text.trim());
                case SHORT -> Short.valueOf(text.trim());
                case BYTE -> Byte.valueOf(text.trim());
                case FLOAT -> Float.valueOf(text.trim());
                case DOUBLE -> Double.valueOf(text.trim());
                case BIG_DECIMAL -> new BigDecimal(text.trim());
                case BOOLEAN -> strictBoolean(text);
                case INSTANT -> Timestamps.parse(text);
                case SDK_BYTES -> SdkBytes.fromByteArray(Base64.getMimeDecoder().decode(text));
                default -> throw new IllegalArgumentException("no query form for " + type);
            };
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(CommonError.INVALID_PARAMETER_VALUE,
                    "Value (" + text + ") for parameter " + node.name() + " is invalid. Expected: '"
                            + expected(type) + "'.");
        }
    }

    private static Boolean strictBoolean(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static String expected(MarshallingKnownType type) {
        return switch (type) {
            case INTEGER, LONG, SHORT, BYTE -> "Integer";
            case FLOAT, DOUBLE, BIG_DECIMAL -> "Double";
            case BOOLEAN -> "Boolean";
            case INSTANT -> "Timestamp";
            case SDK_BYTES -> "Blob";
            default -> "String";
        };
    }

    private static String lastSegment(ParameterTree node) {
        String name = node.name();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static ProtocolException unknown(ParameterTree node) {
        return new ProtocolException(CommonError.UNKNOWN_PARAMETER, "The parameter " + node.name() + " is not recognized");
    }
}
