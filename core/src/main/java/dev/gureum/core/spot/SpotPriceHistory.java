package dev.gureum.core.spot;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * DescribeSpotPriceHistory over the market's recorded levels: newest first, filtered (availability-zone,
 * instance-type, product-description, spot-price, timestamp) and paged (MaxResults 1–1000, 1000 by default).
 * Gureum prices Linux only: a product description other than {@code Linux/UNIX} or
 * {@code Linux/UNIX (Amazon VPC)} has no history; without one, the rows say {@code Linux/UNIX}.
 */
public final class SpotPriceHistory {
    static final List<String> LINUX = List.of("Linux/UNIX", "Linux/UNIX (Amazon VPC)");
    private static final FilterSet<SpotPriceEntry> FILTERS = FilterSet.<SpotPriceEntry>builder()
            .single("availability-zone", SpotPriceEntry::availabilityZone)
            .single("instance-type", SpotPriceEntry::instanceType)
            .single("product-description", SpotPriceEntry::productDescription)
            .single("spot-price", entry -> SpotPricing.show(entry.price()))
            .single("timestamp", entry -> dev.gureum.core.Timestamps.iso(entry.time()))
            .build();

    private final SpotMarket market;
    private final Function<String, List<String>> tradedTypes;
    private final BiPredicate<String, String> offered;

    /**
     * @param tradedTypes the types with a market in a region (those with an on-demand price)
     * @param offered whether a zone offers a type (type, zone): only those have a price history
     */
    public SpotPriceHistory(SpotMarket market, Function<String, List<String>> tradedTypes,
                            BiPredicate<String, String> offered) {
        this.market = market;
        this.tradedTypes = tradedTypes;
        this.offered = offered;
    }

    public Page<SpotPriceEntry> describe(String region, List<String> instanceTypes, List<String> productDescriptions,
                                         String availabilityZone, Instant start, Instant end, List<Filter> filters,
                                         Integer maxResults, String nextToken) {
        if (start != null && end != null && end.isBefore(start)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The end time must be after the start time.");
        }
        List<String> types = instanceTypes.isEmpty() ? tradedTypes.apply(region) : instanceTypes;
        List<String> descriptions = productDescriptions.isEmpty() ? List.of(LINUX.get(0)) : productDescriptions;
        List<SpotPriceEntry> rows = new ArrayList<>();
        for (String description : descriptions) {
            if (LINUX.contains(description)) {
                rows.addAll(market.history(region, types, description, availabilityZone, start, end));
            }
        }
        var predicate = FILTERS.compile(filters);
        List<SpotPriceEntry> ordered = rows.stream()
                .filter(row -> offered.test(row.instanceType(), row.availabilityZone())).filter(predicate).sorted(Comparator.comparing(SpotPriceHistory::key))
                .toList();
        return Pages.pageAtMost("DescribeSpotPriceHistory",
                ordered, SpotPriceHistory::key, maxResults == null ? 1000 : maxResults, nextToken, 1,
                1000);
    }

    /** Newest first, then zone, type and description: a string order, so a token names a place in it. */
    private static String key(SpotPriceEntry entry) {
        return String.format("%019d", Long.MAX_VALUE - entry.time().toEpochMilli()) + "|" + entry.availabilityZone()
                + "|" + entry.instanceType() + "|" + entry.productDescription();
    }
}
