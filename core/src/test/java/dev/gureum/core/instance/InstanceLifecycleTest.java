package dev.gureum.core.instance;

import static dev.gureum.core.instance.InstanceEvent.OBSERVED_FAILED;
import static dev.gureum.core.instance.InstanceEvent.OBSERVED_GONE;
import static dev.gureum.core.instance.InstanceEvent.OBSERVED_RUNNING;
import static dev.gureum.core.instance.InstanceEvent.OBSERVED_STOPPED;
import static dev.gureum.core.instance.InstanceEvent.REBOOT;
import static dev.gureum.core.instance.InstanceEvent.START;
import static dev.gureum.core.instance.InstanceEvent.STOP;
import static dev.gureum.core.instance.InstanceEvent.TERMINATE;
import static dev.gureum.core.instance.InstanceState.PENDING;
import static dev.gureum.core.instance.InstanceState.RUNNING;
import static dev.gureum.core.instance.InstanceState.SHUTTING_DOWN;
import static dev.gureum.core.instance.InstanceState.STOPPED;
import static dev.gureum.core.instance.InstanceState.STOPPING;
import static dev.gureum.core.instance.InstanceState.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins every (state × event) cell of the lifecycle table, and the seed's five flows end to end. */
class InstanceLifecycleTest {
    private static final Map<InstanceState, Map<InstanceEvent, String>> EXPECTED = new EnumMap<>(InstanceState.class);

    static {
        row(PENDING, "=", "✗", "✗", "→ shutting-down", "→ running", "✗", "✗", "→ shutting-down");
        row(RUNNING, "=", "→ stopping", "=", "→ shutting-down", "=", "→ stopped", "✗", "✗");
        row(STOPPING, "✗", "=", "✗", "→ shutting-down", "✗", "→ stopped", "✗", "✗");
        row(STOPPED, "→ pending", "=", "✗", "→ shutting-down", "✗", "=", "✗", "✗");
        row(SHUTTING_DOWN, "✗", "✗", "✗", "=", "✗", "✗", "→ terminated", "✗");
        row(TERMINATED, "✗", "✗", "✗", "=", "✗", "✗", "=", "✗");
    }

    /** Cells in the order START, STOP, REBOOT, TERMINATE, OBSERVED_RUNNING, _STOPPED, _GONE, _FAILED. */
    private static void row(InstanceState state, String... cells) {
        Map<InstanceEvent, String> row = new EnumMap<>(InstanceEvent.class);
        List<InstanceEvent> order = List.of(START, STOP, REBOOT, TERMINATE, OBSERVED_RUNNING, OBSERVED_STOPPED,
                OBSERVED_GONE, OBSERVED_FAILED);
        for (int i = 0; i < cells.length; i++) {
            row.put(order.get(i), cells[i]);
        }
        EXPECTED.put(state, row);
    }

    @Test
    void everyStateAndEventIsPinned() {
        for (InstanceState state : InstanceState.values()) {
            for (InstanceEvent event : InstanceEvent.values()) {
                assertEquals(EXPECTED.get(state).get(event), cell(InstanceLifecycle.next(state, event)),
                        state + " × " + event);
            }
        }
    }

    @Test
    void theSeedsFiveFlows() {
        assertEquals(List.of(PENDING, RUNNING), walk(PENDING, OBSERVED_RUNNING));
        assertEquals(List.of(RUNNING, STOPPING, STOPPED), walk(RUNNING, STOP, OBSERVED_STOPPED));
        assertEquals(List.of(STOPPED, PENDING, RUNNING), walk(STOPPED, START, OBSERVED_RUNNING));
        assertEquals(List.of(STOPPED, SHUTTING_DOWN, TERMINATED), walk(STOPPED, TERMINATE, OBSERVED_GONE));
        assertEquals(List.of(RUNNING, SHUTTING_DOWN, TERMINATED), walk(RUNNING, TERMINATE, OBSERVED_GONE));
    }

    private static List<InstanceState> walk(InstanceState from, InstanceEvent... events) {
        java.util.ArrayList<InstanceState> states = new java.util.ArrayList<>(List.of(from));
        InstanceState current = from;
        for (InstanceEvent event : events) {
            current = ((Transition.Move) InstanceLifecycle.next(current, event)).to();
            states.add(current);
        }
        return states;
    }

    private static String cell(Transition transition) {
        return switch (transition) {
            case Transition.Move move -> "→ " + move.to().wireName();
            case Transition.Stay stay -> "=";
            case Transition.Refuse refuse -> "✗";
        };
    }
}
