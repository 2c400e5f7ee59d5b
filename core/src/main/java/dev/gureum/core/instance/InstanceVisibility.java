package dev.gureum.core.instance;

import java.time.Duration;
import java.time.Instant;

/** A terminated instance stays visible for one hour of cloud time, then it is gone, as in EC2. */
public final class InstanceVisibility {
    public static final Duration TERMINATED_RETENTION = Duration.ofHours(1);

    private InstanceVisibility() {
    }

    public static boolean visible(Instance instance, Instant now) {
        return instance.terminatedAt() == null || now.isBefore(instance.terminatedAt().plus(TERMINATED_RETENTION));
    }
}
