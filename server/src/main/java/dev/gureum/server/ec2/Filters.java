package dev.gureum.server.ec2;

import dev.gureum.core.filter.Filter;
import java.util.List;

/** Translates the SDK's filter shape into the domain's. */
final class Filters {
    private Filters() {
    }

    static List<Filter> of(List<software.amazon.awssdk.services.ec2.model.Filter> filters) {
        return filters.stream()
                .map(filter -> new Filter(filter.name() == null ? "" : filter.name(), filter.values()))
                .toList();
    }
}
