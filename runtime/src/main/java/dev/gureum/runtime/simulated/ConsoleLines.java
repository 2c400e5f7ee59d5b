package dev.gureum.runtime.simulated;

import java.time.Instant;
import java.util.ArrayDeque;

/**
 * A simulated instance's console: its most recent lines, at most {@link #MOST_CHARS} characters of them (EC2
 * keeps an instance's last 64 KiB; the simulated runtime's lines are notes on the lifecycle, and 10,000
 * instances stopped and started all day would hold 640 MB at EC2's size). Adding a line costs the line, never
 * a copy of the console.
 */
final class ConsoleLines {
    static final int MOST_CHARS = 4_096;

    private final ArrayDeque<String> lines = new ArrayDeque<>(4);
    private int chars;
    private Instant updated;

    /** Adds a line (with its line end) written {@code at}, forgetting the oldest lines beyond the size kept. */
    synchronized void add(String line, Instant at) {
        updated = at;
        lines.addLast(line);
        chars += line.length();
        while (chars > MOST_CHARS && lines.size() > 1) {
            chars -= lines.removeFirst().length();
        }
    }

    synchronized String text() {
        return String.join("", lines);
    }

    /** When the last line was written. */
    synchronized Instant updated() {
        return updated;
    }
}
