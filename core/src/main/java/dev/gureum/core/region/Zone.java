package dev.gureum.core.region;

/**
 * An availability zone or Local Zone. Local Zones start "not-opted-in" as in AWS and are only listed
 * when a caller asks for all zones.
 */
public record Zone(String name, String id, String regionName, Type type, String groupName, String longName,
                   String parentZoneName, String parentZoneId) {

    public enum Type {
        AVAILABILITY_ZONE("availability-zone"),
        LOCAL_ZONE("local-zone");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public String optInStatus() {
        return type == Type.AVAILABILITY_ZONE ? "opt-in-not-required" : "not-opted-in";
    }

    public String state() {
        return "available";
    }
}
