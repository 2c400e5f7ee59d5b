package dev.gureum.core.filter;

import java.util.List;

/** One filter of a Describe call: a name such as {@code region-name} or {@code tag:Name} and its values. */
public record Filter(String name, List<String> values) {

    public Filter {
        values = List.copyOf(values);
    }

    /** Whether each value matches only the very same text, so the filter can be answered by exact lookups. */
    public boolean literal() {
        for (String value : values) {
            if (!Wildcard.isLiteral(value)) {
                return false;
            }
        }
        return true;
    }
}
