package dev.gureum.core.region;

import dev.gureum.core.error.Ec2Error;
import java.util.List;
import java.util.Optional;

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

    /**
     * The availability zone a request names by its name or by its id (EC2 refuses both at once); empty when it
     * names none of the region's.
     */
    public Optional<Zone> availabilityZone(String name, String id) {
        if (name != null && id != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Either AvailabilityZone or AvailabilityZoneId"
                    + " can be specified, but not both.");
        }
        return availabilityZones().stream().filter(zone -> zone.name().equals(name) || zone.id().equals(id))
                .findFirst();
    }
}
