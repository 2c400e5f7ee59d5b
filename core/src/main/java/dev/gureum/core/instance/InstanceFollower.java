package dev.gureum.core.instance;

import dev.gureum.core.store.WriteBatch;
import java.time.Instant;
import java.util.List;

/**
 * Something that hangs off instances (network interfaces, volumes) and must follow their state changes.
 * It adds its writes to the batch that moves the instances, so both commit together or not at all, and
 * returns what it does once the batch is durable (freeing bytes, for instance). One that keeps its state in
 * the instance record itself (the metered running time) amends the moved instance before it is written.
 */
@FunctionalInterface
public interface InstanceFollower {
    Runnable NOTHING_AFTER = () -> { };

    /**
     * @param moves each moved instance as {before, after}
     * @return what to do after the batch committed; {@link #NOTHING_AFTER} when nothing
     */
    Runnable follow(WriteBatch batch, List<Instance[]> moves);

    /**
     * The instance as it will be written after moving from {@code before} at {@code at} (every move of a batch
     * is made at the same instant); {@code after} unless amended.
     */
    default Instance amend(Instance before, Instance after, Instant at) {
        return after;
    }
}
