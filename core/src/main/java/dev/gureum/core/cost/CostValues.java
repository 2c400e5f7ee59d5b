package dev.gureum.core.cost;

import dev.gureum.core.billing.Granularity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * GetDimensionValues and GetTags: the values a dimension takes, and the tag keys or one key's values the resources
 * carry, in an account's line items of a period that pass a filter; sorted, and only those containing the search
 * string (ignoring case) when one is given. Tags are the resources' current ones ({@link ResourceTags}); a
 * resource without the key adds no value.
 */
public final class CostValues {
    private final CostExplorer explorer;

    public CostValues(CostExplorer explorer) {
        this.explorer = explorer;
    }

    public List<String> dimensionValues(String account, Instant start, Instant end, CostDimension dimension,
                                        String searchString, CostFilter filter) {
        explorer.requirePeriod(start, end, Granularity.DAILY);
        TreeSet<String> values = new TreeSet<>();
        explorer.eachMatching(account, start, end, Granularity.MONTHLY, filter, false,
                (item, scope) -> values.add(dimension.valueOf(item, scope)));
        return searched(values, searchString);
    }

    /** The tag keys of the resources with usage, or with {@code tagKey}, that key's values. */
    public List<String> tags(String account, Instant start, Instant end, String tagKey, String searchString,
                             CostFilter filter) {
        explorer.requirePeriod(start, end, Granularity.DAILY);
        TreeSet<String> found = new TreeSet<>();
        explorer.eachMatching(account, start, end, Granularity.MONTHLY, filter, true, (item, scope) -> {
            if (item.resourceId() == null) {
                return;
            }
            Map<String, String> own = scope.tags().of(item.resourceId());
            if (tagKey == null) {
                found.addAll(own.keySet());
            } else if (own.containsKey(tagKey)) {
                found.add(own.get(tagKey));
            }
        });
        return searched(found, searchString);
    }

    private static List<String> searched(TreeSet<String> values, String searchString) {
        if (searchString == null || searchString.isEmpty()) {
            return List.copyOf(values);
        }
        String wanted = searchString.toLowerCase(Locale.ROOT);
        return values.stream().filter(value -> value.toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }
}
