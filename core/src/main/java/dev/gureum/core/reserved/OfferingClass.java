package dev.gureum.core.reserved;

import java.util.Optional;

/** Standard Reserved Instances can be modified; convertible ones can also be exchanged for other offerings. */
public enum OfferingClass {
    STANDARD("standard"), CONVERTIBLE("convertible");

    private final String wireName;

    OfferingClass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<OfferingClass> fromWireName(String name) {
        for (OfferingClass value : values()) {
            if (value.wireName.equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
