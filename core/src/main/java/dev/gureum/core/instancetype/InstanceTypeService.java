package dev.gureum.core.instancetype;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * DescribeInstanceTypes and DescribeInstanceTypeOfferings with EC2's filters, pagination and errors, and
 * the question RunInstances asks: may this type run in that zone. A region describes only the types it
 * offers unless the caller includes the unsupported ones.
 */
public final class InstanceTypeService {
    private static final int MINIMUM_RESULTS = 5;
    private static final int MAXIMUM_TYPES = 100;
    private static final int MAXIMUM_OFFERINGS = 1000;

    private static final FilterSet<Offering> OFFERING_FILTERS = FilterSet.<Offering>builder()
            .single("instance-type", Offering::instanceType)
            .single("location", Offering::location)
            .build();

    private final Supplier<InstanceTypeCatalog> catalog;
    private final RegionCatalog regions;

    public InstanceTypeService(InstanceTypeCatalog catalog, RegionCatalog regions) {
        this(() -> catalog, regions);
    }

    /** With the catalog read on first use: a server answers its first request before it needs the types. */
    public InstanceTypeService(Supplier<InstanceTypeCatalog> catalog, RegionCatalog regions) {
        this.catalog = catalog;
        this.regions = regions;
    }

    public InstanceTypeCatalog catalog() {
        return catalog.get();
    }

    /**
     * The named types (all when none is named) that match every filter, ordered by name. A name that does
     * not exist, or is not offered in the region while unsupported types are excluded, is
     * {@code InvalidInstanceType}.
     */
    public Page<InstanceType> describe(String regionName, List<String> names, List<Filter> filters,
                                      boolean includeUnsupportedInRegion, Integer maxResults, String nextToken) {
        Region region = region(regionName);
        Predicate<InstanceType> matches = InstanceTypeFilters.FILTERS.compile(filters);
        Predicate<InstanceType> visible = type -> includeUnsupportedInRegion || supportedInRegion(type, region.name());
        List<String> missing = names.stream()
                .filter(name -> catalog.get().find(name).filter(visible).isEmpty())
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            throw Ec2Error.INVALID_INSTANCE_TYPE.exception("The following supplied instance types do not exist: "
                    + missing);
        }
        List<InstanceType> candidates = names.isEmpty()
                ? List.copyOf(catalog.get().all())
                : new LinkedHashSet<>(names).stream().map(name -> catalog.get().find(name).orElseThrow())
                        .sorted(Comparator.comparing(InstanceType::name)).toList();
        List<InstanceType> found = candidates.stream().filter(visible).filter(matches).toList();
        return Pages.page("DescribeInstanceTypes",
                found, InstanceType::name, maxResults, nextToken, MINIMUM_RESULTS, MAXIMUM_TYPES);
    }

    /** Whether the type is offered in the region (InstanceTypeInfo's SupportedInRegion). */
    public boolean supportedInRegion(InstanceType type, String regionName) {
        return catalog.get().offeredInRegion(type, regionName);
    }

    /**
     * The region's offerings at one kind of location, filtered by instance-type and location; Gureum has
     * no Outposts, so nothing is offered on one.
     */
    public Page<Offering> offerings(String regionName, LocationType locationType, List<Filter> filters,
                                    Integer maxResults, String nextToken) {
        Region region = region(regionName);
        Predicate<Offering> matches = OFFERING_FILTERS.compile(filters);
        List<Offering> offerings = switch (locationType) {
            case REGION -> catalog.get().all().stream().filter(type -> catalog.get().offeredInRegion(type, region.name()))
                    .map(type -> new Offering(type.name(), locationType, region.name())).toList();
            case AVAILABILITY_ZONE -> zoneOfferings(region, locationType, Zone::name);
            case AVAILABILITY_ZONE_ID -> zoneOfferings(region, locationType, Zone::id);
            case OUTPOST -> List.of();
        };
        List<Offering> found = offerings.stream().filter(matches)
                .sorted(Comparator.comparing(InstanceTypeService::offeringKey)).toList();
        return Pages.page("DescribeInstanceTypeOfferings",
                found, InstanceTypeService::offeringKey, maxResults, nextToken, MINIMUM_RESULTS,
                MAXIMUM_OFFERINGS);
    }

    /** Whether an instance of the type may be launched in the named zone; false for unknown types and zones. */
    public boolean isOffered(String instanceType, String zoneName) {
        Optional<InstanceType> type = catalog.get().find(instanceType);
        Optional<Zone> zone = zone(zoneName);
        return type.isPresent() && zone.isPresent() && catalog.get().offeredInZone(type.get(), zone.get());
    }

    /** The standard availability zones of the region where the type is offered, in zone order. */
    public List<Zone> offeringZones(String instanceType, String regionName) {
        return catalog.get().find(instanceType).map(type -> offeringZones(type, region(regionName))).orElse(List.of());
    }

    /**
     * The type, when it may be launched in the zone, with RunInstances' refusals otherwise: an unknown
     * type is {@code InvalidParameterValue}; a type the zone does not offer is {@code Unsupported}, naming
     * the region's zones that do.
     */
    public InstanceType requireOffered(String instanceType, String zoneName) {
        InstanceType type = catalog.get().find(instanceType).orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE
                .exception("Invalid value '" + instanceType + "' for InstanceType."));
        Zone zone = zone(zoneName).orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE
                .exception("Invalid availability zone: [" + zoneName + "]"));
        if (catalog.get().offeredInZone(type, zone)) {
            return type;
        }
        List<Zone> elsewhere = offeringZones(type, region(zone.regionName()));
        if (elsewhere.isEmpty()) {
            throw Ec2Error.UNSUPPORTED.exception("The requested configuration is currently not supported. "
                    + "Please check the documentation for supported configurations.");
        }
        throw Ec2Error.UNSUPPORTED.exception("Your requested instance type (" + type.name() + ") is not supported in "
                + "your requested Availability Zone (" + zone.name() + "). Please retry your request by not "
                + "specifying an Availability Zone or choosing "
                + elsewhere.stream().map(Zone::name).collect(Collectors.joining(", ")) + ".");
    }

    private List<Offering> zoneOfferings(Region region, LocationType locationType, Function<Zone, String> location) {
        return catalog.get().all().stream()
                .flatMap(type -> offeringZones(type, region).stream()
                        .map(zone -> new Offering(type.name(), locationType, location.apply(zone))))
                .toList();
    }

    private List<Zone> offeringZones(InstanceType type, Region region) {
        return region.availabilityZones().stream().filter(zone -> catalog.get().offeredInZone(type, zone)).toList();
    }

    private Region region(String name) {
        return regions.find(name)
                .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid region: " + name));
    }

    private Optional<Zone> zone(String name) {
        return regions.findZone(name);
    }

    /** Sorts by type, then location: the space orders before every character of a name. */
    private static String offeringKey(Offering offering) {
        return offering.instanceType() + " " + offering.location();
    }
}
