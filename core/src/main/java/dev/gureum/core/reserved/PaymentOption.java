package dev.gureum.core.reserved;

import java.util.Optional;

/**
 * How a reservation is paid (EC2's OfferingType): all of it up front, part up front and the rest hourly, or
 * all of it hourly. The older utilization-based types (Heavy/Medium/Light Utilization) are no longer sold.
 */
public enum PaymentOption {
    ALL_UPFRONT("All Upfront"), PARTIAL_UPFRONT("Partial Upfront"), NO_UPFRONT("No Upfront");

    private final String wireName;

    PaymentOption(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PaymentOption> fromWireName(String name) {
        for (PaymentOption value : values()) {
            if (value.wireName.equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
