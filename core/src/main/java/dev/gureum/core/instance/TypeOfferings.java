package dev.gureum.core.instance;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.Zone;
import java.util.List;

/**
 * Where an instance type is offered, as a launch (RunInstances, a Spot request) asks it: EC2's refusals of a type a
 * region or a zone does not offer.
 */
public final class TypeOfferings {

    private TypeOfferings() {
    }

    /** The zones of {@code region} offering {@code type}. */
    public static List<String> zones(LaunchCatalog catalog, Region region, String type) {
        return region.availabilityZones().stream().map(Zone::name).filter(name -> catalog.offered(type, name)).toList();
    }

    /** The refusal of a type the region offers nowhere. */
    public static CloudException notInRegion(String type, String region) {
        return Ec2Error.UNSUPPORTED.exception("The requested instance type (" + type + ") is not supported in region "
                + region + ".");
    }

    /** The refusal of a type the zone does not offer, naming the zones that do. */
    public static CloudException notInZone(LaunchCatalog catalog, Region region, String type, String zone) {
        return Ec2Error.UNSUPPORTED.exception("Your requested instance type (" + type + ") is not supported in your"
                + " requested Availability Zone (" + zone + "). Please retry your request by not specifying an"
                + " Availability Zone or choosing " + String.join(", ", zones(catalog, region, type)) + ".");
    }
}
