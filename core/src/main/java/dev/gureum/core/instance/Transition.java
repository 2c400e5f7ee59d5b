package dev.gureum.core.instance;

/** The lifecycle table's answer for one (state, event): move to a state, stay as is, or refuse. */
public sealed interface Transition {

    /** The event moves the instance to {@code to}. */
    record Move(InstanceState to) implements Transition {
    }

    /** The event is accepted and changes nothing (a repeated command, a reboot, a confirming report). */
    record Stay() implements Transition {
    }

    /** The event does not apply in this state: a command answers IncorrectInstanceState; a report is stale. */
    record Refuse() implements Transition {
    }

    static Transition move(InstanceState to) {
        return new Move(to);
    }

    static Transition stay() {
        return new Stay();
    }

    static Transition refuse() {
        return new Refuse();
    }
}
