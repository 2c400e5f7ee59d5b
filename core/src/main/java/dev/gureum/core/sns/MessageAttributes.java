package dev.gureum.core.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.SnsError;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SNS's rules for a message's attributes: at most ten; names of letters, digits, '_', '-' and '.' (no
 * leading, trailing or doubled '.', no {@code AWS.}/{@code Amazon.} prefix, at most 256 characters); a type of
 * String, Number, Binary or String.Array (a custom suffix after a '.' allowed); a non-empty value; a Number
 * within ±10^9 with at most five decimals; a String.Array that is a JSON array of strings, numbers, booleans or
 * nulls. Bad attributes are {@code ParameterValueInvalid}.
 */
public final class MessageAttributes {
    static final int MAX_ATTRIBUTES = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageAttributes() {
    }

    public static void validate(Map<String, MessageAttribute> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw invalid("Number of message attributes [" + attributes.size() + "] exceeds the allowed maximum ["
                    + MAX_ATTRIBUTES + "].");
        }
        attributes.forEach(MessageAttributes::validate);
    }

    /** The bytes the attributes add to a message's size, as SNS counts them: name, type and value. */
    public static long size(Map<String, MessageAttribute> attributes) {
        long size = 0;
        for (Map.Entry<String, MessageAttribute> attribute : attributes.entrySet()) {
            MessageAttribute value = attribute.getValue();
            size += utf8(attribute.getKey()) + utf8(value.dataType()) + utf8(value.displayValue());
        }
        return size;
    }

    private static void validate(String name, MessageAttribute attribute) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw invalid("Invalid attribute name: " + name);
        }
        String type = attribute.dataType();
        if (type == null || type.isEmpty()) {
            throw invalid("The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        String base = attribute.baseType();
        if (!base.equals("String") && !base.equals("Number") && !base.equals("Binary") && !base.equals("String.Array")) {
            throw invalid("The message attribute '" + name + "' has an invalid message attribute type, the set of"
                    + " supported type prefixes is Binary, Number, and String.");
        }
        String value = attribute.displayValue();
        if (value == null || value.isEmpty()) {
            throw invalid("The message attribute '" + name + "' must contain non-empty message attribute value for"
                    + " message attribute type '" + base + "'.");
        }
        if (base.equals("Number")) {
            BigDecimal number;
            try {
                number = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw invalid("Could not cast message attribute '" + name + "' value to number.");
            }
            if (number.abs().compareTo(BigDecimal.TEN.pow(9)) > 0 || Math.max(0, number.stripTrailingZeros().scale()) > 5) {
                throw invalid("Value " + value + " for message attribute '" + name + "' is not a number between"
                        + " -1000000000 and 1000000000 with at most five decimal places.");
            }
        }
        if (base.equals("String.Array") && !isScalarArray(value)) {
            throw invalid("The message attribute '" + name + "' with type 'String.Array' must be a JSON array of"
                    + " strings, numbers, true, false or null.");
        }
    }

    private static boolean isScalarArray(String value) {
        try {
            JsonNode array = JSON.readTree(value);
            if (array == null || !array.isArray()) {
                return false;
            }
            for (JsonNode element : array) {
                if (element.isContainerNode()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static CloudException invalid(String message) {
        return SnsError.INVALID_PARAMETER_VALUE.exception(message);
    }
}
