package dev.gureum.core.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Puts and deletes that commit together. Each names the version it expects to replace:
 * {@link #ABSENT} for a record that must not exist yet, {@link #ANY} to skip the check. Ledger entries
 * appended to the batch commit with them.
 */
public final class WriteBatch {
    public static final long ABSENT = 0;
    public static final long ANY = -1;

    /** One operation of a batch; {@code value} is null for a delete. */
    public record Write(RecordKind<?> kind, RecordKey key, long expectedVersion, Object value) {
        public boolean isDelete() {
            return value == null;
        }
    }

    /**
     * The entries a batch appends to one ledger (its kind's, in the account and region), in the order appended:
     * grouped as they come, since a batch mostly appends to one ledger (a stop of a hundred instances closes a
     * hundred periods in the account's usage ledger of the region).
     */
    public record LedgerAppends(LedgerKind<?> kind, String account, String region, List<Object> entries) {
        /** The entries, read only (the batch adds to them). */
        @Override
        public List<Object> entries() {
            return Collections.unmodifiableList(entries);
        }

        private boolean isFor(LedgerKind<?> otherKind, String otherAccount, String otherRegion) {
            return kind == otherKind && account.equals(otherAccount) && region.equals(otherRegion);
        }
    }

    private final List<Write> writes = new ArrayList<>();
    private final List<LedgerAppends> appends = new ArrayList<>(0);
    private boolean rederivable;

    public <T> WriteBatch put(RecordKind<T> kind, RecordKey key, long expectedVersion, T value) {
        if (!kind.type().isInstance(value)) {
            throw new IllegalArgumentException(kind + " holds " + kind.type().getSimpleName());
        }
        writes.add(new Write(kind, key, expectedVersion, value));
        return this;
    }

    public WriteBatch delete(RecordKind<?> kind, RecordKey key, long expectedVersion) {
        writes.add(new Write(kind, key, expectedVersion, null));
        return this;
    }

    public <T> WriteBatch append(LedgerKind<T> kind, String account, String region, T entry) {
        if (!kind.type().isInstance(entry)) {
            throw new IllegalArgumentException(kind + " holds " + kind.type().getSimpleName());
        }
        ledger(kind, account, region).entries.add(entry);
        return this;
    }

    /** The batch's appends to the ledger, new and empty when it has none yet. */
    private LedgerAppends ledger(LedgerKind<?> kind, String account, String region) {
        for (int i = appends.size() - 1; i >= 0; i--) {
            if (appends.get(i).isFor(kind, account, region)) {
                return appends.get(i);
            }
        }
        LedgerAppends ledger = new LedgerAppends(kind, account, region, new ArrayList<>());
        appends.add(ledger);
        return ledger;
    }

    /**
     * Marks the batch as facts its writer derives again after a crash (a runtime's reports, observed
     * anew when the cloud reconciles at start-up). It commits in order with every other batch, but its
     * caller does not wait for the disk: the next batch that is waited for, or closing the store, makes
     * it durable with everything before it.
     */
    public WriteBatch rederivable() {
        this.rederivable = true;
        return this;
    }

    public boolean isRederivable() {
        return rederivable;
    }

    public List<Write> writes() {
        return List.copyOf(writes);
    }

    /** The entries appended, a group per ledger in the order the batch first appended to each; read only. */
    public List<LedgerAppends> appends() {
        return Collections.unmodifiableList(appends);
    }

    public boolean isEmpty() {
        return writes.isEmpty() && appends.isEmpty();
    }
}
