package dev.gureum.core.reserved;

import dev.gureum.core.filter.Filter;
import java.util.List;

/**
 * DescribeReservedInstancesOfferings' criteria as the request gives them (null when absent): the typed
 * parameters, the offering ids and the filters. Enumerated values are AWS's wire spellings.
 */
public record OfferingQuery(String instanceType, String availabilityZone, String offeringClass, String offeringType,
                            String productDescription, String instanceTenancy, Long minDuration, Long maxDuration,
                            Boolean includeMarketplace, List<String> offeringIds, List<Filter> filters) {

    public OfferingQuery {
        offeringIds = offeringIds == null ? List.of() : List.copyOf(offeringIds);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /** Every offering of one type in the region. */
    public static OfferingQuery forType(String instanceType) {
        return new OfferingQuery(instanceType, null, null, null, null, null, null, null, null, List.of(), List.of());
    }
}
