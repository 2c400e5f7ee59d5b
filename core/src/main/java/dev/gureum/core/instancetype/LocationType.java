package dev.gureum.core.instancetype;

import dev.gureum.core.error.Ec2Error;

/** Where DescribeInstanceTypeOfferings reports offerings. Gureum has no Outposts, so none offers anything. */
public enum LocationType {
    REGION("region"),
    AVAILABILITY_ZONE("availability-zone"),
    AVAILABILITY_ZONE_ID("availability-zone-id"),
    OUTPOST("outpost");

    private final String wireName;

    LocationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The request's LocationType; absent means region, as in EC2. */
    public static LocationType fromWire(String name) {
        if (name == null || name.isEmpty()) {
            return REGION;
        }
        for (LocationType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + name
                + ") for parameter locationType is invalid. Valid values are region, availability-zone, "
                + "availability-zone-id, outpost.");
    }
}
