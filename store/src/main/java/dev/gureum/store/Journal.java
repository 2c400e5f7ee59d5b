package dev.gureum.store;

import java.io.IOException;
import java.util.List;

/** Where committed entries are made durable; the committer calls it from one thread at a time. */
interface Journal {

    /** Whether appends reach disk; a durable journal is fed by a writer thread that groups commits. */
    boolean durable();

    /** Makes the entries durable, in order, before returning; on failure none of them count. */
    void append(List<LogEntry> entries) throws IOException;

    /** Replaces the log with a snapshot of the index when the log has grown enough to be worth it. */
    void compactIfDue(RecordIndex index) throws IOException;

    void close() throws IOException;
}
