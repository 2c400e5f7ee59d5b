package dev.gureum.store;

import dev.gureum.core.store.StoreUnavailableException;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.VersionConflictException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One caller's batch (or wipe) on its way through the committer, with the outcome the caller waits
 * for. Values are already JSON, so serialization errors reach the caller before anything is queued.
 */
final class CommitRequest {

    /** One write of the batch: the JSON (and the value it encodes) is null for a delete. */
    record Write(String kind, RecordKey key, long expectedVersion, byte[] json, Change.Written written) {
    }

    private final List<Write> writes;
    private final List<LogEntry.LedgerBlock> appends;
    private final boolean wipe;
    private final boolean forced;
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    private CommitRequest(List<Write> writes, List<LogEntry.LedgerBlock> appends, boolean wipe, boolean forced) {
        this.writes = writes;
        this.appends = appends;
        this.wipe = wipe;
        this.forced = forced;
    }

    /** A batch; {@code forced} when its caller must not hear of success before it is on disk. */
    static CommitRequest batch(List<Write> writes, boolean forced) {
        return batch(writes, List.of(), forced);
    }

    /** A batch with ledger entries (a block per ledger), appended only if its writes commit. */
    static CommitRequest batch(List<Write> writes, List<LogEntry.LedgerBlock> appends, boolean forced) {
        return new CommitRequest(List.copyOf(writes), List.copyOf(appends), false, forced);
    }

    static CommitRequest wipe() {
        return new CommitRequest(List.of(), List.of(), true, true);
    }

    boolean forced() {
        return forced;
    }

    List<Write> writes() {
        return writes;
    }

    List<LogEntry.LedgerBlock> appends() {
        return appends;
    }

    boolean isWipe() {
        return wipe;
    }

    void succeed() {
        outcome.complete(null);
    }

    void fail(RuntimeException reason) {
        outcome.completeExceptionally(reason);
    }

    /**
     * Waits, without giving up on interruption, until the request is committed or refused. The reason of
     * a refusal is thrown anew so its stack trace shows the caller.
     */
    void await() {
        try {
            outcome.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case VersionConflictException conflict -> throw new VersionConflictException(conflict.getMessage());
                case StoreUnavailableException failure ->
                        throw new StoreUnavailableException(failure.getMessage(), failure.getCause());
                default -> throw e;
            }
        }
    }
}
