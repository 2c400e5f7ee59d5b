package dev.gureum.store;

import java.util.List;

/** What one framed entry of the log or of a snapshot says. */
sealed interface LogEntry {

    /** The changes of one committed batch, applied together. */
    record Batch(List<Change> changes) implements LogEntry {
    }

    /**
     * Entries of one (kind, account, region) ledger in the order they were appended, as a snapshot writes a
     * ledger: each entry is only its length and bytes, with the names once per block.
     */
    record LedgerBlock(String kind, String account, String region, List<byte[]> entries) implements LogEntry {
    }

    /** Every record was removed. */
    record Wipe() implements LogEntry {
    }

    /** Closes a snapshot and states how many records it holds; changes nothing. */
    record SnapshotEnd(long records) implements LogEntry {
    }
}
