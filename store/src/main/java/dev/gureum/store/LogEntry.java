package dev.gureum.store;

import java.util.List;

/** What one framed entry of the log or of a snapshot says. */
sealed interface LogEntry {

    /**
     * One committed batch, applied together: its record changes and the entries it appended to ledgers, a block
     * per ledger it appended to.
     */
    record Batch(List<Change> changes, List<LedgerBlock> appended) implements LogEntry {
        Batch(List<Change> changes) {
            this(changes, List.of());
        }
    }

    /**
     * Entries of one (kind, account, region) ledger in the order they were appended, as a snapshot writes a
     * ledger and a batch the entries it appends: each entry is only its length and bytes, with the names once
     * per block.
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
