package dev.gureum.core.region;

import dev.gureum.core.tsv.TsvResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every region and zone Gureum serves, read once from the data files beside this class. */
public final class RegionCatalog {
    private final Map<String, Region> regions;
    private final List<Region> sorted;
    private final Map<String, Zone> zones;

    private RegionCatalog(Map<String, Region> regions) {
        this.regions = regions;
        this.sorted = regions.values().stream().sorted(java.util.Comparator.comparing(Region::name)).toList();
        Map<String, Zone> byName = new java.util.HashMap<>();
        regions.values().forEach(region -> region.zones().forEach(zone -> byName.put(zone.name(), zone)));
        this.zones = Map.copyOf(byName);
    }

    public static RegionCatalog load() {
        Map<String, List<Zone>> localZones = new LinkedHashMap<>();
        for (String[] row : rows("local-zones.tsv")) {
            localZones.computeIfAbsent(row[0], unused -> new ArrayList<>())
                    .add(new Zone(row[1], row[2], row[0], Zone.Type.LOCAL_ZONE, row[3], row[5], row[4], null));
        }
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String[] row : rows("regions.tsv")) {
            String name = row[0];
            List<Zone> zones = new ArrayList<>();
            String letters = row[3];
            for (int i = 0; i < letters.length(); i++) {
                zones.add(new Zone(name + letters.charAt(i), row[4] + "-az" + (i + 1), name,
                        Zone.Type.AVAILABILITY_ZONE, name, row[1] + " " + (i + 1), null, null));
            }
            for (Zone local : localZones.getOrDefault(name, List.of())) {
                String parentId = zones.stream().filter(zone -> zone.name().equals(local.parentZoneName()))
                        .map(Zone::id).findFirst().orElseThrow();
                zones.add(new Zone(local.name(), local.id(), name, local.type(), local.groupName(), local.longName(),
                        local.parentZoneName(), parentId));
            }
            regions.put(name, new Region(name, row[1], "yes".equals(row[2]), zones));
        }
        return new RegionCatalog(Map.copyOf(regions));
    }

    public Optional<Region> find(String name) {
        return Optional.ofNullable(regions.get(name));
    }

    /** A zone of any region (availability or Local Zone), by name. */
    public Optional<Zone> findZone(String name) {
        return Optional.ofNullable(zones.get(name));
    }

    public boolean contains(String name) {
        return regions.containsKey(name);
    }

    /** Every region, by name. */
    public Collection<Region> all() {
        return sorted;
    }

    private static List<String[]> rows(String resource) {
        return TsvResource.rows(RegionCatalog.class, resource);
    }
}
