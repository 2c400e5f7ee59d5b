package dev.gureum.store;

import java.io.IOException;
import java.util.List;

/** Where committed entries are made durable; the committer calls it from one thread at a time (not always the same one). */
interface Journal {

    /** Whether appends reach disk; a durable journal is fed by a writer thread that groups concurrent commits. */
    boolean durable();

    /**
     * Writes the entries in order after all earlier ones; with {@code force} they and everything before
     * them are durable when it returns. On failure none of them count.
     */
    void append(List<LogEntry> entries, boolean force) throws IOException;

    /** Replaces the log with a snapshot of the index when the log has grown enough to be worth it. */
    void compactIfDue(RecordIndex index) throws IOException;

    void close() throws IOException;
}
