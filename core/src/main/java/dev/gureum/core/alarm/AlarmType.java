package dev.gureum.core.alarm;

/** Metric alarms watch a metric or a metric-math expression; composite alarms watch other alarms. */
public enum AlarmType {
    METRIC("MetricAlarm"), COMPOSITE("CompositeAlarm");

    private final String wireName;

    AlarmType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AlarmType fromWire(String value) {
        for (AlarmType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
