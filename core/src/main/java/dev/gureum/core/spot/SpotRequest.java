package dev.gureum.core.spot;

import dev.gureum.core.instance.LaunchRequest;
import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A Spot Instance request as EC2 shows it: its type ({@code one-time} or {@code persistent}), the maximum
 * price (the on-demand price when none was given), its validity window, the launch specification (one
 * instance), the interruption behaviour, its state ({@code open}, {@code active}, {@code closed},
 * {@code cancelled}, {@code failed}, {@code disabled}) and status (code, message, update time: {@link SpotStatus})
 * and the instance it launched, while it has one.
 */
public record SpotRequest(String id, String type, String spotPrice, Instant createTime, Instant validFrom,
                          Instant validUntil, String interruptionBehavior, LaunchRequest launch, String state,
                          String statusCode, String statusMessage, Instant statusUpdateTime, String instanceId,
                          String launchedAvailabilityZone, List<Tag> tags) {
    public static final String ONE_TIME = "one-time";
    public static final String PERSISTENT = "persistent";

    public SpotRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean persistent() {
        return PERSISTENT.equals(type);
    }

    public SpotRequest withStatus(SpotStatus status, String message, Instant at) {
        return withStatus(status.state(persistent()), status, message, at);
    }

    public SpotRequest withStatus(String newState, SpotStatus status, String message, Instant at) {
        return new SpotRequest(id, type, spotPrice, createTime, validFrom, validUntil, interruptionBehavior, launch,
                newState, status.code(), message == null ? status.message() : message, at, instanceId,
                launchedAvailabilityZone, tags);
    }

    public SpotRequest withInstance(String newInstanceId, String zone) {
        return new SpotRequest(id, type, spotPrice, createTime, validFrom, validUntil, interruptionBehavior, launch,
                state, statusCode, statusMessage, statusUpdateTime, newInstanceId, zone, tags);
    }

    public SpotRequest withTags(List<Tag> newTags) {
        return new SpotRequest(id, type, spotPrice, createTime, validFrom, validUntil, interruptionBehavior, launch,
                state, statusCode, statusMessage, statusUpdateTime, instanceId, launchedAvailabilityZone, newTags);
    }
}
