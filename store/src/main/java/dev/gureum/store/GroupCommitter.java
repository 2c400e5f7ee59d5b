package dev.gureum.store;

import dev.gureum.core.store.StoreUnavailableException;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.WriteBatch;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Checks versions, journals and publishes batches, one group at a time. With a durable journal one
 * writer thread takes every request waiting in the queue, refuses those whose expected versions do not
 * match, writes the rest with a single write and force, then updates memory and wakes the callers: many
 * concurrent callers share one fsync. A caller that finds no commit under way and nobody queued commits
 * its batch itself, as a group of one, instead of handing it to the writer and waiting to be woken: two
 * thread switches per commit saved where there is nothing to share (a lone caller, a launch's two batches).
 * Groups are committed one at a time under {@link #committing}, by whichever thread holds it. An interrupted
 * caller always goes through the writer: a file channel that an interrupted thread writes to closes itself
 * for everyone. Without durability callers commit directly, one at a time.
 */
final class GroupCommitter implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(GroupCommitter.class.getName());
    private static final CommitRequest STOP = CommitRequest.batch(List.of(), true);

    private final RecordIndex index;
    private final Journal journal;
    private final BlockingQueue<CommitRequest> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /**
     * Held while a group is committed, by the writer or by a caller committing its own batch; fair, so a caller
     * never takes it ahead of a writer already waiting with others' batches.
     */
    private final ReentrantLock committing = new ReentrantLock(true);
    private boolean closed;

    /** Names a record across kinds, for the version bookkeeping of one group. */
    private record Address(String kind, RecordKey key) {
    }

    GroupCommitter(RecordIndex index, Journal journal) {
        this.index = index;
        this.journal = journal;
        this.writer = journal.durable()
                ? Thread.ofPlatform().name("gureum-store-writer").daemon(true).start(this::writeUntilStopped)
                : null;
    }

    /** Commits the request or throws why it was refused; returns only once the outcome is durable. */
    void submit(CommitRequest request) {
        if (writer == null) {
            synchronized (this) {
                requireOpen();
                commit(List.of(request));
            }
        } else {
            boolean alone;
            synchronized (this) {
                requireOpen();
                alone = !Thread.currentThread().isInterrupted() && queue.isEmpty() && lockIfFree();
                if (!alone) {
                    queue.add(request);
                }
            }
            if (alone) {
                try {
                    commit(List.of(request));
                } finally {
                    committing.unlock();
                }
            }
        }
        request.await();
    }

    /** Takes the committing lock if it is free and nobody waits for it; never waits. */
    private boolean lockIfFree() {
        try {
            return committing.tryLock(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Commits what is queued, stops the writer and closes the journal. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (writer != null) {
            queue.add(STOP);
            awaitWriterEnd();
        }
        try {
            journal.close();
        } catch (IOException e) {
            throw new StoreUnavailableException("the store could not be closed cleanly", e);
        }
    }

    private void awaitWriterEnd() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }

    private void writeUntilStopped() {
        List<CommitRequest> group = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            group.add(takeNext());
            queue.drainTo(group);
            stopping = group.remove(STOP);
            committing.lock();
            try {
                commit(group);
            } finally {
                committing.unlock();
            }
            group.clear();
        }
    }

    private CommitRequest takeNext() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException ignored) {
                // only close() ends the writer, through the STOP request
            }
        }
    }

    private void commit(List<CommitRequest> group) {
        List<CommitRequest> accepted = new ArrayList<>(group.size());
        List<LogEntry> entries = new ArrayList<>(group.size());
        try {
            admit(group, accepted, entries);
            if (!entries.isEmpty()) {
                journal.append(entries, accepted.stream().anyMatch(CommitRequest::forced));
                entries.forEach(index::apply);
            }
            accepted.forEach(CommitRequest::succeed);
        } catch (IOException e) {
            StoreUnavailableException failure = new StoreUnavailableException("the store could not write to disk", e);
            accepted.forEach(request -> request.fail(failure));
            return;
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "the store writer failed unexpectedly", e);
            group.forEach(request -> request.fail(new StoreUnavailableException("the store writer failed", e)));
            return;
        }
        compactIfDue();
    }

    private void compactIfDue() {
        try {
            journal.compactIfDue(index);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "compacting the store failed", e);
        }
    }

    /**
     * Sorts the group into refused requests (failed at once) and accepted ones, collecting the log entries
     * of those that change something. Each request is checked against memory as left by the accepted
     * requests before it in the group, and each write against the writes before it in its batch: one map of
     * the versions the group has written so far, from which a refused request's writes are taken out again.
     * A batch that changes nothing is still answered only with the group, as its outcome may rest on the others.
     */
    void admit(List<CommitRequest> group, List<CommitRequest> accepted, List<LogEntry> entries) {
        Map<Address, Long> written = new HashMap<>();
        boolean wipedInGroup = false;
        for (CommitRequest request : group) {
            if (request.isWipe()) {
                written.clear();
                wipedInGroup = true;
                accepted.add(request);
                entries.add(new LogEntry.Wipe());
                continue;
            }
            List<CommitRequest.Write> writes = request.writes();
            List<Change> changes = new ArrayList<>(writes.size());
            List<Address> touched = new ArrayList<>(writes.size());
            List<Long> replaced = new ArrayList<>(writes.size());
            String conflict = null;
            for (CommitRequest.Write write : writes) {
                Address address = new Address(write.kind(), write.key());
                Long groupVersion = written.get(address);
                long current = groupVersion != null ? groupVersion
                        : wipedInGroup ? 0 : index.version(address.kind(), address.key());
                if (write.expectedVersion() != WriteBatch.ANY && write.expectedVersion() != current) {
                    conflict = write.kind() + " " + write.key() + " is at version " + current
                            + ", not the expected " + write.expectedVersion();
                    break;
                }
                long next;
                if (write.json() != null) {
                    next = current + 1;
                    changes.add(Change.put(write.kind(), write.key(), next, write.json(), write.written()));
                } else if (current != 0) {
                    next = 0;
                    changes.add(Change.remove(write.kind(), write.key()));
                } else {
                    continue;
                }
                touched.add(address);
                replaced.add(written.put(address, next));
            }
            if (conflict != null) {
                forget(written, touched, replaced);
                request.fail(new VersionConflictException(conflict));
                continue;
            }
            accepted.add(request);
            if (!changes.isEmpty() || !request.appends().isEmpty()) {
                entries.add(new LogEntry.Batch(changes, request.appends()));
            }
        }
    }

    /** Takes a refused request's writes out of the group's versions, last first. */
    private static void forget(Map<Address, Long> written, List<Address> touched, List<Long> replaced) {
        for (int i = touched.size() - 1; i >= 0; i--) {
            Long before = replaced.get(i);
            if (before == null) {
                written.remove(touched.get(i));
            } else {
                written.put(touched.get(i), before);
            }
        }
    }
}
