package dev.gureum.core.cost;

import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * GetDimensionValues and GetTags: the values a dimension takes, and the tag keys or one key's values the resources
 * carry, in an account's line items of a period that pass a filter; only those containing the search string
 * (ignoring case) when one is given. In their natural order, or by the SortBy metrics summed over each value's
 * line items (a tag key or value sums the usage of the resources that carry it), then by value. Tags are the
 * resources' current ones ({@link ResourceTags}); a resource without the key adds no value.
 */
public final class CostValues {
    private final CostExplorer explorer;

    public CostValues(CostExplorer explorer) {
        this.explorer = explorer;
    }

    public List<String> dimensionValues(String account, Instant start, Instant end, CostDimension dimension,
                                        String searchString, CostFilter filter, List<CostSort> sortBy) {
        if (dimension == CostDimension.RESOURCE_ID || filter.readsDimension(CostDimension.RESOURCE_ID)) {
            explorer.requireResourcePeriod(start, end, Granularity.DAILY);
        } else {
            explorer.requirePeriod(start, end, Granularity.DAILY);
        }
        Sums sums = new Sums(sortBy, explorer.normalizedUnits());
        explorer.eachMatching(account, start, end, Granularity.MONTHLY, filter, false,
                (item, scope) -> sums.add(dimension.valueOf(item, scope), item));
        return searched(sums.sorted(), searchString);
    }

    /** The tag keys of the resources with usage, or with {@code tagKey}, that key's values. */
    public List<String> tags(String account, Instant start, Instant end, String tagKey, String searchString,
                             CostFilter filter, List<CostSort> sortBy) {
        explorer.requirePeriod(start, end, Granularity.DAILY);
        Sums sums = new Sums(sortBy, explorer.normalizedUnits());
        explorer.eachMatching(account, start, end, Granularity.MONTHLY, filter, true, (item, scope) -> {
            if (item.resourceId() == null) {
                return;
            }
            Map<String, String> own = scope.tags().of(item.resourceId());
            if (tagKey == null) {
                own.keySet().forEach(key -> sums.add(key, item));
            } else if (own.containsKey(tagKey)) {
                sums.add(own.get(tagKey), item);
            }
        });
        return searched(sums.sorted(), searchString);
    }

    private static List<String> searched(List<String> values, String searchString) {
        if (searchString == null || searchString.isEmpty()) {
            return values;
        }
        String wanted = searchString.toLowerCase(Locale.ROOT);
        return values.stream().filter(value -> value.toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    /** The values met, each with the sums of the SortBy metrics over its line items. */
    private static final class Sums {
        private final List<CostSort> sortBy;
        private final NormalizedUnits normalizedUnits;
        private final Map<String, BigDecimal[]> byValue = new TreeMap<>();

        Sums(List<CostSort> sortBy, NormalizedUnits normalizedUnits) {
            this.sortBy = sortBy;
            this.normalizedUnits = normalizedUnits;
        }

        void add(String value, LineItem item) {
            BigDecimal[] sums = byValue.computeIfAbsent(value, unused -> zeros(sortBy.size()));
            for (int i = 0; i < sums.length; i++) {
                sums[i] = sums[i].add(sortBy.get(i).metric().of(item, normalizedUnits));
            }
        }

        List<String> sorted() {
            Comparator<Map.Entry<String, BigDecimal[]>> order = (a, b) -> 0;
            for (int i = 0; i < sortBy.size(); i++) {
                int index = i;
                Comparator<Map.Entry<String, BigDecimal[]>> byMetric =
                        Comparator.comparing(entry -> entry.getValue()[index]);
                order = order.thenComparing(sortBy.get(i).descending() ? byMetric.reversed() : byMetric);
            }
            return byValue.entrySet().stream().sorted(order.thenComparing(Map.Entry::getKey)).map(Map.Entry::getKey)
                    .toList();
        }

        private static BigDecimal[] zeros(int count) {
            BigDecimal[] zeros = new BigDecimal[count];
            Arrays.fill(zeros, BigDecimal.ZERO);
            return zeros;
        }
    }
}
