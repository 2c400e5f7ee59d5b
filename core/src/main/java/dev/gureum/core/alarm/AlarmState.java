package dev.gureum.core.alarm;

/** An alarm's state, as CloudWatch names it on the wire. */
public enum AlarmState {
    OK, ALARM, INSUFFICIENT_DATA;

    public static AlarmState fromWire(String value) {
        for (AlarmState state : values()) {
            if (state.name().equals(value)) {
                return state;
            }
        }
        return null;
    }
}
