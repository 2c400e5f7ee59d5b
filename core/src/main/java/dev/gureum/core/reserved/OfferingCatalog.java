package dev.gureum.core.reserved;

import dev.gureum.core.billing.OnDemandPrice;
import dev.gureum.core.billing.PriceCatalog;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.page.Page;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Every Reserved Instance offering Gureum sells, computed on demand and never stored (AWS has about a million
 * per region): for each instance type with a Linux on-demand price in a region, a regional offering and one
 * per zone that offers the type, each in 2 classes × 2 terms × 3 payment options, priced by
 * {@link DiscountTable}. Describe walks the offerings in a fixed order (type, scope, class, term, payment)
 * and stops when a page is full, so a page costs what it returns, not what exists.
 */
public final class OfferingCatalog {
    /** DescribeReservedInstancesOfferings: "The maximum is 100. Default: 100". */
    public static final int MAXIMUM_RESULTS = 100;
    static final long DEFAULT_MIN_DURATION = 2_592_000L;
    static final long DEFAULT_MAX_DURATION = 94_608_000L;
    private static final String TOKEN_PREFIX = "ri1:";

    private static final FilterSet<ReservedOffering> FILTERS = FilterSet.<ReservedOffering>builder()
            .single("availability-zone", ReservedOffering::availabilityZone)
            .single("duration", offering -> String.valueOf(offering.term().seconds()))
            .single("fixed-price", offering -> floatText(offering.fixedPrice()))
            .single("instance-type", ReservedOffering::instanceType)
            .single("marketplace", offering -> "false")
            .single("product-description", offering -> ReservedOffering.PRODUCT_DESCRIPTION)
            .single("reserved-instances-offering-id", ReservedOffering::id)
            .single("scope", offering -> offering.scope().wireName())
            .single("usage-price", offering -> floatText(BigDecimal.ZERO))
            .build();

    /** The zones of a region offering a type, in zone order; empty when the type is not sold there. */
    public interface TypeZones {
        List<String> zones(String instanceType, String region);
    }

    private final PriceCatalog prices;
    private final TypeZones typeZones;
    private final Map<String, List<String>> typesByRegion;
    private final OfferingIds ids;

    public OfferingCatalog(PriceCatalog prices, RegionCatalog regions, TypeZones typeZones) {
        this.prices = prices;
        this.typeZones = typeZones;
        Map<String, TreeSet<String>> byRegion = new HashMap<>();
        TreeSet<String> allTypes = new TreeSet<>();
        for (OnDemandPrice row : prices.onDemandPrices()) {
            if (regions.contains(row.region())) {
                byRegion.computeIfAbsent(row.region(), unused -> new TreeSet<>()).add(row.instanceType());
                allTypes.add(row.instanceType());
            }
        }
        Map<String, List<String>> typesByRegion = new HashMap<>();
        byRegion.forEach((region, types) -> typesByRegion.put(region, List.copyOf(types)));
        this.typesByRegion = Map.copyOf(typesByRegion);
        Map<String, List<String>> zonesByRegion = new HashMap<>();
        List<String> regionNames = new ArrayList<>();
        for (Region region : regions.all()) {
            regionNames.add(region.name());
            zonesByRegion.put(region.name(), region.availabilityZones().stream().map(Zone::name).sorted().toList());
        }
        Collections.sort(regionNames);
        this.ids = new OfferingIds(regionNames, List.copyOf(allTypes),
                region -> zonesByRegion.getOrDefault(region, List.of()));
    }

    /** One page of the region's offerings that match the query, after the offering {@code nextToken} names. */
    public Page<ReservedOffering> describe(String region, OfferingQuery query, Integer maxResults, String nextToken) {
        if (maxResults != null && maxResults < 1) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value ( " + maxResults
                    + " ) for parameter maxResults is invalid. Parameter must be between 1 and " + MAXIMUM_RESULTS
                    + ".");
        }
        int limit = maxResults == null ? MAXIMUM_RESULTS : Math.min(maxResults, MAXIMUM_RESULTS);
        Predicate<OfferingCoordinates> wanted = criteria(region, query);
        Predicate<ReservedOffering> filtered = FILTERS.compile(query.filters());
        OfferingCoordinates after = nextToken == null || nextToken.isEmpty() ? null : resumeAfter(region, nextToken);
        List<ReservedOffering> page = new ArrayList<>();
        if (!query.offeringIds().isEmpty()) {
            query.offeringIds().stream().map(ids::decode).flatMap(Optional::stream)
                    .filter(coordinates -> coordinates.region().equals(region) && sold(coordinates))
                    .filter(wanted).distinct().map(this::priced).filter(filtered).limit(limit).forEach(page::add);
            return new Page<>(page, null);
        }
        List<String> types = query.instanceType() != null ? List.of(query.instanceType())
                : typesByRegion.getOrDefault(region, List.of());
        int firstType = 0;
        if (after != null) {
            firstType = Math.max(0, types.indexOf(after.instanceType()));
        }
        for (int t = firstType; t < types.size(); t++) {
            for (OfferingCoordinates coordinates : ofType(region, types.get(t))) {
                if (after != null) {
                    if (coordinates.equals(after)) {
                        after = null;
                    }
                    continue;
                }
                if (!wanted.test(coordinates)) {
                    continue;
                }
                ReservedOffering offering = priced(coordinates);
                if (!filtered.test(offering)) {
                    continue;
                }
                if (page.size() == limit) {
                    return new Page<>(page, token(page.get(page.size() - 1).id()));
                }
                page.add(offering);
            }
        }
        return new Page<>(page, null);
    }

    /** The offering an id names, if it is one Gureum sells in the region. */
    public Optional<ReservedOffering> find(String region, String offeringId) {
        return ids.decode(offeringId).filter(coordinates -> coordinates.region().equals(region) && sold(coordinates))
                .map(this::priced);
    }

    /** The offering of these coordinates, if Gureum sells it. */
    public Optional<ReservedOffering> find(String region, String instanceType, String availabilityZone,
                                           OfferingClass offeringClass, Term term, PaymentOption payment) {
        OfferingCoordinates coordinates = new OfferingCoordinates(region, instanceType, availabilityZone,
                offeringClass, term, payment);
        return sold(coordinates) ? Optional.of(priced(coordinates)) : Optional.empty();
    }

    /** The on-demand Linux price the offering's prices derive from. */
    public Optional<BigDecimal> onDemandHourly(String region, String instanceType) {
        return prices.onDemandHourly(region, instanceType);
    }

    private boolean sold(OfferingCoordinates coordinates) {
        if (prices.onDemandHourly(coordinates.region(), coordinates.instanceType()).isEmpty()) {
            return false;
        }
        List<String> zones = typeZones.zones(coordinates.instanceType(), coordinates.region());
        return coordinates.availabilityZone() == null ? !zones.isEmpty() : zones.contains(coordinates.availabilityZone());
    }

    /** The type's offerings in the region, in describe order; none for a type without a price there. */
    private List<OfferingCoordinates> ofType(String region, String instanceType) {
        if (prices.onDemandHourly(region, instanceType).isEmpty()) {
            return List.of();
        }
        List<String> zones = typeZones.zones(instanceType, region);
        if (zones.isEmpty()) {
            return List.of();
        }
        List<String> scopes = new ArrayList<>();
        scopes.add(null);
        scopes.addAll(zones);
        List<OfferingCoordinates> all = new ArrayList<>(scopes.size() * 12);
        for (String zone : scopes) {
            for (OfferingClass offeringClass : OfferingClass.values()) {
                for (Term term : Term.values()) {
                    for (PaymentOption payment : PaymentOption.values()) {
                        all.add(new OfferingCoordinates(region, instanceType, zone, offeringClass, term, payment));
                    }
                }
            }
        }
        return all;
    }

    private ReservedOffering priced(OfferingCoordinates coordinates) {
        BigDecimal onDemand = prices.onDemandHourly(coordinates.region(), coordinates.instanceType()).orElseThrow();
        DiscountTable.Prices offered = DiscountTable.prices(onDemand, coordinates.offeringClass(), coordinates.term(),
                coordinates.payment());
        return new ReservedOffering(ids.encode(coordinates), coordinates.region(), coordinates.instanceType(),
                coordinates.availabilityZone(), coordinates.offeringClass(), coordinates.term(), coordinates.payment(),
                offered.fixed(), offered.hourly());
    }

    /** The typed parameters, checked against the coordinates before any price is computed. */
    private static Predicate<OfferingCoordinates> criteria(String region, OfferingQuery query) {
        OfferingClass offeringClass = query.offeringClass() == null ? null
                : OfferingClass.fromWireName(query.offeringClass()).orElseThrow(() -> invalid("offeringClass",
                        query.offeringClass()));
        PaymentOption payment = query.offeringType() == null ? null
                : PaymentOption.fromWireName(query.offeringType()).orElse(null);
        if (query.offeringType() != null && payment == null && !isRetiredOfferingType(query.offeringType())) {
            throw invalid("offeringType", query.offeringType());
        }
        if ("host".equals(query.instanceTenancy())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(
                    "The host value cannot be used with the parameter instanceTenancy. Use default or dedicated.");
        }
        long minDuration = query.minDuration() == null ? DEFAULT_MIN_DURATION : query.minDuration();
        long maxDuration = query.maxDuration() == null ? DEFAULT_MAX_DURATION : query.maxDuration();
        boolean nothing = (query.offeringType() != null && payment == null)
                || (query.productDescription() != null && !ReservedOffering.isLinux(query.productDescription()))
                || (query.instanceTenancy() != null && !ReservedOffering.TENANCY.equals(query.instanceTenancy()));
        String zone = query.availabilityZone();
        return coordinates -> !nothing
                && (offeringClass == null || coordinates.offeringClass() == offeringClass)
                && (payment == null || coordinates.payment() == payment)
                && coordinates.term().seconds() >= minDuration && coordinates.term().seconds() <= maxDuration
                && (zone == null || zone.equals(coordinates.availabilityZone()))
                && (query.instanceType() == null || query.instanceType().equals(coordinates.instanceType()));
    }

    /** Heavy, Medium and Light Utilization are valid values that no current offering has. */
    private static boolean isRetiredOfferingType(String offeringType) {
        return offeringType.endsWith(" Utilization")
                && List.of("Heavy Utilization", "Medium Utilization", "Light Utilization").contains(offeringType);
    }

    private OfferingCoordinates resumeAfter(String region, String nextToken) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                Optional<OfferingCoordinates> coordinates = ids.decode(text.substring(TOKEN_PREFIX.length()));
                if (coordinates.isPresent() && coordinates.get().region().equals(region)) {
                    return coordinates.get();
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw Ec2Error.INVALID_PAGINATION_TOKEN.exception("Invalid pagination token: " + nextToken);
    }

    private static String token(String lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** A price as EC2 prints its Float fields (9800.0, 0.0285), which is what the price filters match. */
    static String floatText(BigDecimal price) {
        return Float.toString(price.floatValue());
    }

    private static RuntimeException invalid(String parameter, String value) {
        return Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + value + ") for parameter " + parameter
                + " is invalid.");
    }
}
