package dev.gureum.core.instance;

/** One instance's previous and current state, as Start/Stop/TerminateInstances report them. */
public record StateChange(String instanceId, InstanceState previous, InstanceState current) {
}
