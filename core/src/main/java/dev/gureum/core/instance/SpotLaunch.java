package dev.gureum.core.instance;

import dev.gureum.core.store.WriteBatch;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A launch on the Spot market: the Spot facts each launched instance carries, by launch index, and the writes of the Spot
 * request that launches them ({@code alsoWrite}), which commit in the launch's own batch so a request is never
 * fulfilled twice nor an instance left without its request. A Spot launch never interrupts other instances: it
 * fits in the zone's spare capacity or is refused.
 */
public record SpotLaunch(List<SpotFacts> facts, BiConsumer<WriteBatch, List<Instance>> alsoWrite) {

    /** The Spot facts of the instance at {@code launchIndex} (each instance has its own request). */
    SpotFacts factsOf(int launchIndex) {
        return facts.get(Math.min(launchIndex, facts.size() - 1));
    }
}
