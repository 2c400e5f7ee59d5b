package dev.gureum.core.instancetype;

import dev.gureum.core.region.Zone;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every instance type Gureum serves, read once from instance-types.tsv and families.tsv beside this class:
 * the types' facts, the category of each family and where each family is offered.
 */
public final class InstanceTypeCatalog {
    private final Map<String, InstanceType> types;
    private final Map<String, Family> families;

    private InstanceTypeCatalog(Map<String, InstanceType> types, Map<String, Family> families) {
        this.types = types;
        this.families = families;
    }

    /** The catalog; the data files are read on first use and shared afterwards (the catalog is immutable). */
    public static InstanceTypeCatalog load() {
        return Loaded.CATALOG;
    }

    private static final class Loaded {
        private static final InstanceTypeCatalog CATALOG = read();
    }

    private static InstanceTypeCatalog read() {
        Map<String, Family> families = new LinkedHashMap<>();
        for (String[] row : DataFile.rows("families.tsv")) {
            Family family = Family.parse(row);
            if (families.put(family.name(), family) != null) {
                throw new IllegalStateException("families.tsv lists " + family.name() + " twice");
            }
        }
        Map<String, InstanceType> types = new TreeMap<>();
        for (Map<String, String> cells : DataFile.namedRows("instance-types.tsv")) {
            String name = cells.get("instance-type");
            Family family = families.get(name.substring(0, name.indexOf('.')));
            if (family == null) {
                throw new IllegalStateException("families.tsv has no family for " + name);
            }
            if (types.put(name, InstanceTypeRow.parse(cells, family)) != null) {
                throw new IllegalStateException("instance-types.tsv lists " + name + " twice");
            }
        }
        return new InstanceTypeCatalog(Collections.unmodifiableMap(types), Map.copyOf(families));
    }

    public Optional<InstanceType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Every type, ordered by name. */
    public Collection<InstanceType> all() {
        return types.values();
    }

    public List<InstanceType> inCategory(Category category) {
        return types.values().stream().filter(type -> type.category() == category).toList();
    }

    /** Whether AWS offers the type's family in the region (DescribeInstanceTypeOfferings, LocationType region). */
    public boolean offeredInRegion(InstanceType type, String region) {
        return family(type).offeredInRegion(region);
    }

    /** Whether the type can be launched in the zone; never in a Local Zone. */
    public boolean offeredInZone(InstanceType type, Zone zone) {
        return family(type).offeredInZone(zone);
    }

    private Family family(InstanceType type) {
        return families.get(type.family());
    }
}
