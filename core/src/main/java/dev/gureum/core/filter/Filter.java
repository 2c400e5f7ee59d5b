package dev.gureum.core.filter;

import java.util.List;

/** One filter of a Describe call: a name such as {@code region-name} or {@code tag:Name} and its values. */
public record Filter(String name, List<String> values) {

    public Filter {
        values = List.copyOf(values);
    }
}
