package dev.gureum.core.runtime;

import dev.gureum.core.instance.InstanceEvent;

/** One thing a runtime saw happen to one instance. */
public record Observation(InstanceRef instance, InstanceEvent event) {
}
