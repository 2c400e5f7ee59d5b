package dev.gureum.core.metrics;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudWatchError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * ListMetrics: the caller's metrics that received data in the last two weeks (CloudWatch lists no others),
 * filtered by namespace, metric name and dimensions (a filter dimension without a value matches any value),
 * with RecentlyActive PT3H keeping only those with data in the last three hours; 500 a page, in a stable order.
 * Cross-account observability is not modelled, so IncludeLinkedAccounts changes nothing (no linked accounts).
 */
public final class MetricListing {
    /** ListMetrics' dimension filters, at most (the model's DimensionFilters). */
    static final int MAX_DIMENSION_FILTERS = 10;
    static final int PAGE_SIZE = 500;
    private static final Duration LISTED_FOR = Duration.ofDays(14);
    private static final Duration RECENTLY = Duration.ofHours(3);
    private static final String TOKEN_PREFIX = "gureum-metrics:";

    /** A page of metrics and the token of the next, or null. */
    public record Page(List<MetricKey> metrics, String nextToken) {
    }

    private final MetricStorage storage;

    public MetricListing(MetricStorage storage) {
        this.storage = storage;
    }

    public Page list(RequestContext context, String namespace, String metricName, List<MetricDimension> dimensions,
                     String recentlyActive, String nextToken) {
        if (namespace != null) {
            MetricService.requireNamespace(namespace);
        }
        if (dimensions.size() > MAX_DIMENSION_FILTERS) {
            throw CloudWatchError.constraint(dimensions, "dimensions", "Member must have length less than or equal to "
                    + MAX_DIMENSION_FILTERS);
        }
        List<MetricDimension> filter = MetricService.dimensions(dimensions, "Dimensions", false);
        if (recentlyActive != null && !recentlyActive.equals("PT3H")) {
            throw MetricService.invalid("The value " + recentlyActive + " for parameter RecentlyActive is invalid.");
        }
        String after = nextToken == null || nextToken.isEmpty() ? null : decode(nextToken);
        long now = context.now().getEpochSecond();
        long since = now - (recentlyActive != null ? RECENTLY : LISTED_FOR).toSeconds();
        List<MetricKey> matching = storage.metrics(context.account(), context.region()).stream()
                .filter(entry -> entry.getValue() >= since)
                .map(Map.Entry::getKey)
                .filter(key -> namespace == null || key.namespace().equals(namespace))
                .filter(key -> metricName == null || key.metricName().equals(metricName))
                .filter(key -> key.hasDimensions(filter))
                .filter(key -> after == null || key.sortKey().compareTo(after) > 0)
                .sorted(Comparator.comparing(MetricKey::sortKey))
                .limit(PAGE_SIZE + 1)
                .toList();
        if (matching.size() <= PAGE_SIZE) {
            return new Page(matching, null);
        }
        List<MetricKey> page = matching.subList(0, PAGE_SIZE);
        return new Page(page, encode(page.get(PAGE_SIZE - 1).sortKey()));
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                return text.substring(TOKEN_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // not one of ours
        }
        throw CloudWatchError.INVALID_NEXT_TOKEN.exception("The value of NextToken is invalid.");
    }
}
