package dev.gureum.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until advanced; starts at the instant given (by default, now). */
public final class ManualClock implements CloudClock {
    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public boolean isManual() {
        return true;
    }

    @Override
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        return now.updateAndGet(current -> current.plus(duration));
    }
}
