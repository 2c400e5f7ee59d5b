package dev.gureum.core.metadata;

/**
 * The interruption pending for a Spot Instance, as the metadata service serves it: the {@code spot/instance-action}
 * document ({@code {"action": "terminate", "time": "2017-09-18T08:22:00Z"}}) and {@code spot/termination-time},
 * the time when EC2 has marked the instance for termination (null for a stop or hibernation).
 */
public record SpotAction(String instanceAction, String terminationTime) {
}
