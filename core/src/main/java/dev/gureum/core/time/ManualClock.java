package dev.gureum.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A clock that stands still until advanced; starts at the instant given (by default, now). A keeper, when
 * given, is handed every instant the clock is advanced to before anyone can read it ({@link KeptClock} writes
 * it to the store, so a restart resumes there).
 */
public final class ManualClock implements CloudClock {
    private final Consumer<Instant> keeper;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant now;

    public ManualClock(Instant start) {
        this(start, instant -> { });
    }

    public ManualClock(Instant start, Consumer<Instant> keeper) {
        this.now = start;
        this.keeper = keeper;
    }

    @Override
    public Instant now() {
        return now;
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
        Instant advanced = move(duration);
        listeners.forEach(Runnable::run);
        return advanced;
    }

    private synchronized Instant move(Duration duration) {
        Instant advanced = now.plus(duration);
        keeper.accept(advanced);
        now = advanced;
        return advanced;
    }

    @Override
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }
}
