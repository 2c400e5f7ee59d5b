package dev.gureum.core.instance;

import dev.gureum.core.store.WriteBatch;
import java.util.List;

/**
 * Something that hangs off instances (network interfaces, volumes) and must follow their state changes.
 * It adds its writes to the batch that moves the instances, so both commit together or not at all.
 */
@FunctionalInterface
public interface InstanceFollower {

    /** @param moves each moved instance as {before, after} */
    void follow(WriteBatch batch, List<Instance[]> moves);
}
