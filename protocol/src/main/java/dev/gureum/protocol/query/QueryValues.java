package dev.gureum.protocol.query;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.xml.Timestamps;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;

/**
 * Scalar values and list indices as the query protocols (EC2's and aws-query) write them: numbers,
 * booleans and timestamps are ASCII; booleans are {@code true}/{@code false} and nothing else (junk is
 * refused, not read as false); timestamps are read leniently; blobs are base64. Indices are positive
 * integers, ordered as numbers ({@code .10} after {@code .2}) and possibly sparse.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /**
     * @throws ProtocolException {@code UnknownParameter} when the node has children, {@code InvalidParameterValue}
     *     when its text is not a value of {@code type}
     */
    public static Object scalar(MarshallingKnownType type, ParameterTree node) {
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

    /** A list node's items by numeric index; anything but a positive integer is an unknown parameter. */
    public static Map<Integer, ParameterTree> indexed(ParameterTree node) {
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

    /** The last dotted segment of a node's name: the member or index it stands for. */
    public static String lastSegment(ParameterTree node) {
        String name = node.name();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public static ProtocolException unknown(ParameterTree node) {
        return new ProtocolException(CommonError.UNKNOWN_PARAMETER, "The parameter " + node.name() + " is not recognized");
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
}
