package dev.gureum.core.instancetype;

import dev.gureum.core.region.Zone;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One row of families.tsv: an instance family's category, its burstable credit option and where it is
 * offered. Offerings are per family: every size of a family is offered wherever the family is.
 *
 * @param defaultCpuCredits "standard" or "unlimited" for burstable families, else null
 * @param everyRegion whether {@code regions} lists the exceptions (true) or the regions themselves (false)
 * @param zoneNumbers the N of zone ids {@code <prefix>-azN} offering the family; empty for every zone
 */
record Family(String name, Category category, String defaultCpuCredits, boolean everyRegion, Set<String> regions,
              Set<Integer> zoneNumbers) {

    Family {
        regions = Set.copyOf(regions);
        zoneNumbers = Set.copyOf(zoneNumbers);
    }

    static Family parse(String[] row) {
        if (row.length != 5) {
            throw new IllegalStateException("families.tsv: " + row[0] + " needs 5 columns");
        }
        Set<String> regions = new HashSet<>();
        boolean everyRegion = false;
        for (String item : row[3].split(",")) {
            if ("*".equals(item)) {
                everyRegion = true;
            } else if (item.startsWith("-")) {
                regions.add(item.substring(1));
            } else {
                regions.add(item);
            }
        }
        Set<Integer> zones = new HashSet<>();
        if (!"*".equals(row[4])) {
            Arrays.stream(row[4].split(",")).map(Integer::valueOf).forEach(zones::add);
        }
        return new Family(row[0], Category.fromDataName(row[1]), "-".equals(row[2]) ? null : row[2], everyRegion,
                regions, zones);
    }

    boolean offeredInRegion(String region) {
        return everyRegion != regions.contains(region);
    }

    /** Offered in a standard availability zone of an offering region; Local Zones are never opted in. */
    boolean offeredInZone(Zone zone) {
        if (zone.type() != Zone.Type.AVAILABILITY_ZONE || !offeredInRegion(zone.regionName())) {
            return false;
        }
        return zoneNumbers.isEmpty() || zoneNumbers.contains(zoneNumber(zone));
    }

    private static int zoneNumber(Zone zone) {
        String id = zone.id();
        return Integer.parseInt(id.substring(id.lastIndexOf("-az") + 3));
    }
}
