package dev.gureum.core.sns;

/**
 * One message attribute as SNS carries it: its data type ({@code String}, {@code Number}, {@code Binary},
 * {@code String.Array}, each optionally with a custom suffix such as {@code Number.float}) and its value,
 * text for all but Binary, whose bytes are kept base64-encoded as the HTTP envelope shows them.
 */
public record MessageAttribute(String dataType, String stringValue, String binaryValue) {

    public static MessageAttribute string(String value) {
        return new MessageAttribute("String", value, null);
    }

    public static MessageAttribute number(String value) {
        return new MessageAttribute("Number", value, null);
    }

    /** The base type: the data type without its custom suffix. */
    public String baseType() {
        if (dataType == null) {
            return "";
        }
        if (dataType.startsWith("String.Array")) {
            return "String.Array";
        }
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    /** The value as the envelope's {@code MessageAttributes} show it: Binary as base64, all else as text. */
    public String displayValue() {
        return "Binary".equals(baseType()) ? binaryValue : stringValue;
    }
}
