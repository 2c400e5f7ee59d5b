package dev.gureum.core.region;

import java.util.List;

/**
 * A commercial AWS region as Gureum serves it. {@code optInRequired} regions are reported as opted in:
 * every region of a private cloud is usable, and AWS's own status word for that is "opted-in".
 */
public record Region(String name, String longName, boolean optInRequired, List<Zone> zones) {

    public Region {
        zones = List.copyOf(zones);
    }

    public String endpoint() {
        return "ec2." + name + ".amazonaws.com";
    }

    public String optInStatus() {
        return optInRequired ? "opted-in" : "opt-in-not-required";
    }

    /** The region's standard availability zones (no Local Zones). */
    public List<Zone> availabilityZones() {
        return zones.stream().filter(zone -> zone.type() == Zone.Type.AVAILABILITY_ZONE).toList();
    }
}
