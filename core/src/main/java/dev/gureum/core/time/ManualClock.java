package dev.gureum.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until advanced; starts at the instant given (by default, now). */
public final class ManualClock implements CloudClock {
    private final AtomicReference<Instant> now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

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
        Instant advanced = now.updateAndGet(current -> current.plus(duration));
        listeners.forEach(Runnable::run);
        return advanced;
    }

    @Override
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }
}
