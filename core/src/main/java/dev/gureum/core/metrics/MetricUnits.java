package dev.gureum.core.metrics;

import java.util.Set;

/** CloudWatch's standard units (StandardUnit); data published without one is in {@code None}. */
public final class MetricUnits {
    public static final String NONE = "None";
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private MetricUnits() {
    }

    public static boolean known(String unit) {
        return UNITS.contains(unit);
    }
}
