package dev.gureum.core.region;

import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Answers which regions and zones exist, with EC2's filters and parameter rules. */
public final class RegionService {
    private static final FilterSet<Region> REGION_FILTERS = FilterSet.<Region>builder()
            .single("endpoint", Region::endpoint)
            .single("opt-in-status", Region::optInStatus)
            .single("region-name", Region::name)
            .build();

    private static final FilterSet<Zone> ZONE_FILTERS = FilterSet.<Zone>builder()
            .single("group-long-name", Zone::longName)
            .single("group-name", Zone::groupName)
            .many("message", zone -> List.of())
            .single("opt-in-status", Zone::optInStatus)
            .single("parent-zone-id", Zone::parentZoneId)
            .single("parent-zone-name", Zone::parentZoneName)
            .single("region-name", Zone::regionName)
            .single("state", Zone::state)
            .single("zone-id", Zone::id)
            .single("zone-name", Zone::name)
            .single("zone-type", zone -> zone.type().wireName())
            .build();

    private final RegionCatalog catalog;

    public RegionService(RegionCatalog catalog) {
        this.catalog = catalog;
    }

    public RegionCatalog catalog() {
        return catalog;
    }

    /** Every region is enabled in Gureum, so {@code allRegions} changes nothing but is accepted. */
    public List<Region> describeRegions(List<String> regionNames, List<Filter> filters) {
        for (String name : regionNames) {
            if (!catalog.contains(name)) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid region: " + name);
            }
        }
        Predicate<Region> matches = REGION_FILTERS.compile(filters);
        return catalog.all().stream()
                .filter(region -> regionNames.isEmpty() || regionNames.contains(region.name()))
                .filter(matches)
                .toList();
    }

    /**
     * The zones of one region. Named zones (by name or id) are always returned when they exist; otherwise
     * Local Zones that are not opted in appear only when {@code allZones} is set, as in EC2.
     */
    public List<Zone> describeZones(String regionName, List<String> zoneNames, List<String> zoneIds,
                                    boolean allZones, List<Filter> filters) {
        Region region = catalog.find(regionName)
                .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid region: " + regionName));
        List<String> unknown = new ArrayList<>();
        zoneNames.stream().filter(name -> region.zones().stream().noneMatch(zone -> zone.name().equals(name)))
                .forEach(unknown::add);
        zoneIds.stream().filter(id -> region.zones().stream().noneMatch(zone -> zone.id().equals(id)))
                .forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid availability zone: " + unknown);
        }
        boolean named = !zoneNames.isEmpty() || !zoneIds.isEmpty();
        Predicate<Zone> matches = ZONE_FILTERS.compile(filters);
        return region.zones().stream()
                .filter(zone -> !named || zoneNames.contains(zone.name()) || zoneIds.contains(zone.id()))
                .filter(zone -> named || allZones || zone.type() == Zone.Type.AVAILABILITY_ZONE)
                .filter(matches)
                .toList();
    }
}
