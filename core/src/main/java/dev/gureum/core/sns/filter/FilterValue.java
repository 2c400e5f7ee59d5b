package dev.gureum.core.sns.filter;

import java.math.BigDecimal;

/**
 * One value a condition is tested against: a string, a number, a boolean or null, as it came from a message
 * attribute (a String.Array gives one value per element) or from a leaf of the message body.
 */
record FilterValue(Kind kind, String text, BigDecimal number, boolean bool) {

    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    static FilterValue string(String text) {
        return new FilterValue(Kind.STRING, text, null, false);
    }

    static FilterValue number(BigDecimal number) {
        return new FilterValue(Kind.NUMBER, null, number, false);
    }

    static FilterValue bool(boolean value) {
        return new FilterValue(Kind.BOOLEAN, null, null, value);
    }

    static FilterValue nullValue() {
        return new FilterValue(Kind.NULL, null, null, false);
    }

    boolean isString() {
        return kind == Kind.STRING;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }
}
