package dev.gureum.core.image;

import dev.gureum.core.filter.Filter;
import java.util.List;

/**
 * What DescribeImages asks for: ids, owners (ids or self, amazon, aws-marketplace, aws-backup-vault),
 * executable users (ids, self or all), filters, whether deprecated images count, and a page.
 */
public record ImageQuery(List<String> imageIds, List<String> owners, List<String> executableUsers,
                         List<Filter> filters, boolean includeDeprecated, Integer maxResults, String nextToken) {

    public ImageQuery {
        imageIds = List.copyOf(imageIds);
        owners = List.copyOf(owners);
        executableUsers = List.copyOf(executableUsers);
        filters = List.copyOf(filters);
    }
}
