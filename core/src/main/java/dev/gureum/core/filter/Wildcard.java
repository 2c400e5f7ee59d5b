package dev.gureum.core.filter;

/**
 * An EC2 filter value: {@code *} matches any run of characters, {@code ?} exactly one, and a backslash
 * makes the next character literal. Matching is case-sensitive, as in EC2.
 */
final class Wildcard {
    private final String pattern;
    private final boolean literal;

    Wildcard(String pattern) {
        this.pattern = pattern;
        this.literal = isLiteral(pattern);
    }

    /** Whether the pattern matches only the very same text (it has no wildcard and no escape). */
    static boolean isLiteral(String pattern) {
        return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('\\') < 0;
    }

    boolean matches(String value) {
        return literal ? pattern.equals(value) : matches(value, 0, 0);
    }

    private boolean matches(String value, int v, int p) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                while (p < pattern.length() && pattern.charAt(p) == '*') {
                    p++;
                }
                if (p == pattern.length()) {
                    return true;
                }
                for (int start = v; start <= value.length(); start++) {
                    if (matches(value, start, p)) {
                        return true;
                    }
                }
                return false;
            }
            if (v == value.length()) {
                return false;
            }
            if (c == '?') {
                v++;
                p++;
                continue;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                c = pattern.charAt(++p);
            }
            if (value.charAt(v) != c) {
                return false;
            }
            v++;
            p++;
        }
        return v == value.length();
    }
}
