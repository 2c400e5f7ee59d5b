package dev.gureum.core.runtime;

import dev.gureum.core.instance.InstanceEvent;

/** Receives what a runtime observed about an instance; only the OBSERVED_* events are reported. */
@FunctionalInterface
public interface RuntimeObserver {
    void observed(InstanceRef instance, InstanceEvent observation);
}
