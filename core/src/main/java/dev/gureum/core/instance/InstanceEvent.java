package dev.gureum.core.instance;

/**
 * What can happen to an instance: a caller's command, or what the runtime observed. Commands are
 * accepted or refused by the lifecycle table; observations move the instance on when they fit.
 */
public enum InstanceEvent {
    START(Kind.COMMAND),
    STOP(Kind.COMMAND),
    REBOOT(Kind.COMMAND),
    TERMINATE(Kind.COMMAND),
    OBSERVED_RUNNING(Kind.OBSERVATION),
    OBSERVED_STOPPED(Kind.OBSERVATION),
    OBSERVED_GONE(Kind.OBSERVATION),
    OBSERVED_FAILED(Kind.OBSERVATION);

    /** Who causes the event. */
    public enum Kind { COMMAND, OBSERVATION }

    private final Kind kind;

    InstanceEvent(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
