package dev.gureum.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The one clock every timed behaviour reads: transition delays, billing seconds, metric periods, alarm
 * evaluation, reservation terms. Real time by default; a manual clock lets tests and learners advance
 * time deterministically ({@link ManualClock}).
 */
public interface CloudClock {

    Instant now();

    /** True when time only moves through {@link #advance(Duration)}. */
    boolean isManual();

    /**
     * Moves a manual clock forward.
     *
     * @throws UnsupportedOperationException on the real clock
     */
    Instant advance(Duration duration);

    /** Registers a listener run after every {@link #advance}; the real clock never advances, so never calls it. */
    default void onAdvance(Runnable listener) {
    }

    static CloudClock real() {
        return RealClock.INSTANCE;
    }
}
