package dev.gureum.store;

import java.util.List;

/** The journal of a store without disk: it keeps nothing, so a commit is done once memory is updated. */
final class MemoryJournal implements Journal {

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void append(List<LogEntry> entries, boolean force) {
        // nothing to make durable
    }

    @Override
    public void compactIfDue(RecordIndex index) {
        // memory holds only live records; there is no log to shorten
    }

    @Override
    public void close() {
        // holds no resources
    }
}
