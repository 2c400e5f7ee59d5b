package dev.gureum.core.reserved;

import java.util.Optional;

/**
 * Where a reservation applies: to matching usage anywhere in its region (with instance size flexibility, no
 * capacity reserved) or in one availability zone (exact type, capacity reserved in the zone).
 */
public enum ReservationScope {
    REGION("Region"), AVAILABILITY_ZONE("Availability Zone");

    private final String wireName;

    ReservationScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ReservationScope> fromWireName(String name) {
        for (ReservationScope value : values()) {
            if (value.wireName.equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
