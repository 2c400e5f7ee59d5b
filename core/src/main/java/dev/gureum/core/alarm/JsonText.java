package dev.gureum.core.alarm;

import java.util.List;

/**
 * Writes the small JSON documents CloudWatch puts into alarms (StateReasonData, HistoryData, the SNS
 * notification), keys in the order given, numbers as Java prints doubles ({@code 80.0}) as CloudWatch does.
 * Core has no JSON library; these documents are flat enough not to need one.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    JsonText string(String key, String value) {
        return raw(key, value == null ? "null" : quote(value));
    }

    JsonText number(String key, double value) {
        return raw(key, Double.toString(value));
    }

    JsonText integer(String key, long value) {
        return raw(key, Long.toString(value));
    }

    JsonText bool(String key, boolean value) {
        return raw(key, Boolean.toString(value));
    }

    JsonText strings(String key, List<String> values) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        return raw(key, array.append(']').toString());
    }

    JsonText numbers(String key, List<Double> values) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ",").append(values.get(i));
        }
        return raw(key, array.append(']').toString());
    }

    /** An already-written JSON value (object, array), or null. */
    JsonText raw(String key, String json) {
        out.append(first ? "" : ",").append(quote(key)).append(':').append(json == null ? "null" : json);
        first = false;
        return this;
    }

    static String array(List<String> jsonValues) {
        return "[" + String.join(",", jsonValues) + "]";
    }

    @Override
    public String toString() {
        return out + "}";
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
