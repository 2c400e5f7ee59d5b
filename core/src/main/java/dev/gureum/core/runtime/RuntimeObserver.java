package dev.gureum.core.runtime;

import java.util.List;

/** Receives what a runtime observed, a batch at a time; only the OBSERVED_* events are reported. */
@FunctionalInterface
public interface RuntimeObserver {
    void observed(List<Observation> observations);
}
