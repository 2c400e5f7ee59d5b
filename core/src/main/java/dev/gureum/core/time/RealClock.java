package dev.gureum.core.time;

import java.time.Duration;
import java.time.Instant;

/** Wall-clock time. */
final class RealClock implements CloudClock {
    static final RealClock INSTANCE = new RealClock();

    private RealClock() {
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public boolean isManual() {
        return false;
    }

    @Override
    public Instant advance(Duration duration) {
        throw new UnsupportedOperationException("the real clock cannot be advanced; serve with --clock manual");
    }
}
