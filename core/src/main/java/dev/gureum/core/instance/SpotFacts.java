package dev.gureum.core.instance;

import java.time.Instant;

/**
 * What makes an instance a Spot Instance: the request that launched it (one-time or persistent), what happens to it when EC2 interrupts
 * it ({@code terminate}, {@code stop} or {@code hibernate}) and, once EC2 has decided to interrupt it, the
 * notice: the time the interruption takes effect (two minutes after the notice) and why ({@code price} or
 * {@code capacity}). The notice is null while the instance is not marked.
 */
public record SpotFacts(String requestId, boolean persistent, String interruptionBehavior, Instant interruptionTime,
                        String interruptionCause) {
    public static final String CAUSE_PRICE = "price";
    public static final String CAUSE_CAPACITY = "capacity";

    public boolean marked() {
        return interruptionTime != null;
    }

    public SpotFacts markedFor(Instant at, String cause) {
        return new SpotFacts(requestId, persistent, interruptionBehavior, at, cause);
    }

    public SpotFacts unmarked() {
        return new SpotFacts(requestId, persistent, interruptionBehavior, null, null);
    }

    /** The action the interruption takes, as the notice names it: hibernate is carried out as a stop. */
    public String action() {
        return switch (interruptionBehavior) {
            case "stop" -> "stop";
            case "hibernate" -> "hibernate";
            default -> "terminate";
        };
    }
}
