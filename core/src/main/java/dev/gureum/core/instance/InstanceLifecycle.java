package dev.gureum.core.instance;

import static dev.gureum.core.instance.InstanceState.PENDING;
import static dev.gureum.core.instance.InstanceState.RUNNING;
import static dev.gureum.core.instance.InstanceState.SHUTTING_DOWN;
import static dev.gureum.core.instance.InstanceState.STOPPED;
import static dev.gureum.core.instance.InstanceState.STOPPING;
import static dev.gureum.core.instance.InstanceState.TERMINATED;

/**
 * Every allowed (state, event) → outcome of an EC2 instance, in one table; nothing else checks states.
 * The seed's five flows: pending → running; running → stopping → stopped; stopped → pending → running;
 * stopped → shutting-down → terminated; running → shutting-down → terminated. Also: terminate while
 * pending or stopping, reboot while running, a failed launch (pending → shutting-down), and a guest that
 * halts itself (running → stopped). Repeating a command toward the state an instance is in or heading
 * to is accepted and changes nothing, as in EC2. Both switches are exhaustive: a new state or event does
 * not compile until every row is decided. {@code docs/lifecycle.md} is generated from this table.
 */
public final class InstanceLifecycle {
    private InstanceLifecycle() {
    }

    public static Transition next(InstanceState state, InstanceEvent event) {
        return switch (state) {
            case PENDING -> switch (event) {
                case START -> Transition.stay();
                case STOP, REBOOT -> Transition.refuse();
                case TERMINATE -> Transition.move(SHUTTING_DOWN);
                case OBSERVED_RUNNING -> Transition.move(RUNNING);
                case OBSERVED_FAILED -> Transition.move(SHUTTING_DOWN);
                case OBSERVED_STOPPED, OBSERVED_GONE -> Transition.refuse();
            };
            case RUNNING -> switch (event) {
                case START, REBOOT, OBSERVED_RUNNING -> Transition.stay();
                case STOP -> Transition.move(STOPPING);
                case TERMINATE -> Transition.move(SHUTTING_DOWN);
                case OBSERVED_STOPPED -> Transition.move(STOPPED);
                case OBSERVED_GONE, OBSERVED_FAILED -> Transition.refuse();
            };
            case STOPPING -> switch (event) {
                case STOP -> Transition.stay();
                case START, REBOOT -> Transition.refuse();
                case TERMINATE -> Transition.move(SHUTTING_DOWN);
                case OBSERVED_STOPPED -> Transition.move(STOPPED);
                case OBSERVED_RUNNING, OBSERVED_GONE, OBSERVED_FAILED -> Transition.refuse();
            };
            case STOPPED -> switch (event) {
                case START -> Transition.move(PENDING);
                case STOP, OBSERVED_STOPPED -> Transition.stay();
                case REBOOT -> Transition.refuse();
                case TERMINATE -> Transition.move(SHUTTING_DOWN);
                case OBSERVED_RUNNING, OBSERVED_GONE, OBSERVED_FAILED -> Transition.refuse();
            };
            case SHUTTING_DOWN -> switch (event) {
                case TERMINATE -> Transition.stay();
                case START, STOP, REBOOT -> Transition.refuse();
                case OBSERVED_GONE -> Transition.move(TERMINATED);
                case OBSERVED_RUNNING, OBSERVED_STOPPED, OBSERVED_FAILED -> Transition.refuse();
            };
            case TERMINATED -> switch (event) {
                case TERMINATE, OBSERVED_GONE -> Transition.stay();
                case START, STOP, REBOOT -> Transition.refuse();
                case OBSERVED_RUNNING, OBSERVED_STOPPED, OBSERVED_FAILED -> Transition.refuse();
            };
        };
    }
}
