package dev.gureum.core.sns.filter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a filter policy's value array. A key passes when any of its conditions accepts any of the
 * message's values for it, or, when the message has no value for the key, when a condition accepts absence
 * ({@code "exists": false}).
 */
sealed interface Condition {

    boolean accepts(FilterValue value);

    default boolean acceptsAbsence() {
        return false;
    }

    /** Numbers compare with five digits after the decimal point, as SNS documents. */
    static BigDecimal scaled(BigDecimal number) {
        return number.setScale(5, RoundingMode.HALF_EVEN);
    }

    /** A literal string: exact, case-sensitive. */
    record ExactString(String expected) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            return value.isString() && value.text().equals(expected);
        }
    }

    /** A literal number: numerically equal. */
    record ExactNumber(BigDecimal expected) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            return value.isNumber() && scaled(value.number()).compareTo(scaled(expected)) == 0;
        }
    }

    /** The literals {@code true}, {@code false}, {@code null} (message body values). */
    record ExactKeyword(FilterValue expected) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            return value.kind() == expected.kind() && value.bool() == expected.bool();
        }
    }

    record Prefix(String prefix) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            return value.isString() && value.text().startsWith(prefix);
        }
    }

    record Suffix(String suffix) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            return value.isString() && value.text().endsWith(suffix);
        }
    }

    record EqualsIgnoreCase(String expected) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            return value.isString() && value.text().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        }
    }

    /** Any present value that none of the excluded conditions accepts. */
    record AnythingBut(List<Condition> excluded) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            return excluded.stream().noneMatch(condition -> condition.accepts(value));
        }
    }

    /** {@code "numeric": [">", 0, "<=", 150]}: every bound holds. */
    record NumericRange(List<Bound> bounds) implements Condition {
        record Bound(String operator, BigDecimal operand) {
        }

        @Override
        public boolean accepts(FilterValue value) {
            if (!value.isNumber()) {
                return false;
            }
            BigDecimal number = scaled(value.number());
            for (Bound bound : bounds) {
                int comparison = number.compareTo(scaled(bound.operand()));
                boolean holds = switch (bound.operator()) {
                    case "=" -> comparison == 0;
                    case "<" -> comparison < 0;
                    case "<=" -> comparison <= 0;
                    case ">" -> comparison > 0;
                    case ">=" -> comparison >= 0;
                    default -> throw new IllegalStateException("validated at parse: " + bound.operator());
                };
                if (!holds) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code "exists": true} accepts any value; {@code false} accepts only absence. */
    record Exists(boolean present) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            return present;
        }

        @Override
        public boolean acceptsAbsence() {
            return !present;
        }
    }

    /** {@code "cidr": "10.0.0.0/24"}: a string that is an IP address inside the block (IPv4 or IPv6). */
    record Cidr(byte[] network, int prefixLength) implements Condition {
        @Override
        public boolean accepts(FilterValue value) {
            if (!value.isString()) {
                return false;
            }
            byte[] address = IpAddresses.parse(value.text());
            if (address == null || address.length != network.length) {
                return false;
            }
            return IpAddresses.samePrefix(address, network, prefixLength);
        }
    }
}
