package dev.gureum.core.instance;

import java.util.Locale;

/** Renders {@link InstanceLifecycle} as the Markdown of {@code docs/lifecycle.md}; a test keeps the file equal. */
public final class LifecycleDocument {
    private LifecycleDocument() {
    }

    public static String render() {
        StringBuilder text = new StringBuilder();
        text.append("# Instance lifecycle\n\n")
                .append("Generated from `InstanceLifecycle` by `LifecycleDocumentTest`; do not edit by hand ")
                .append("(regenerate with `mvn -pl core test -Dgureum.regenerate=true`).\n\n")
                .append("Rows are states (with EC2's state code), columns are events. `→ x`: the instance moves ")
                .append("to state x. `=`: accepted, nothing changes. `✗`: refused — a command answers ")
                .append("`IncorrectInstanceState`, a runtime report is ignored as stale.\n\n");
        text.append("| state |");
        for (InstanceEvent event : InstanceEvent.values()) {
            text.append(' ').append(name(event)).append(" |");
        }
        text.append("\n|---|");
        text.append("---|".repeat(InstanceEvent.values().length));
        text.append('\n');
        for (InstanceState state : InstanceState.values()) {
            text.append("| ").append(state.wireName()).append(" (").append(state.code()).append(") |");
            for (InstanceEvent event : InstanceEvent.values()) {
                text.append(' ').append(cell(InstanceLifecycle.next(state, event))).append(" |");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String cell(Transition transition) {
        return switch (transition) {
            case Transition.Move move -> "→ " + move.to().wireName();
            case Transition.Stay stay -> "=";
            case Transition.Refuse refuse -> "✗";
        };
    }

    private static String name(InstanceEvent event) {
        return event.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
