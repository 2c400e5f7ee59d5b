package dev.gureum.core.alarm;

import java.time.Instant;

/**
 * Where an alarm stands: its state, the reason in text and JSON, when the state (or its reason) was last
 * updated and when the state last changed.
 */
public record AlarmStatus(AlarmState value, String reason, String reasonData, Instant updated, Instant transitioned) {

    public static AlarmStatus initial(Instant now) {
        return new AlarmStatus(AlarmState.INSUFFICIENT_DATA, "Unchecked: Initial alarm creation", null, now, now);
    }
}
