package dev.gureum.core.store;

import java.util.ArrayList;
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

    /** One ledger entry of a batch, appended to the (account, region) ledger of its kind. */
    public record Append(LedgerKind<?> kind, String account, String region, Object entry) {
    }

    private final List<Write> writes = new ArrayList<>();
    private final List<Append> appends = new ArrayList<>(0);
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
        appends.add(new Append(kind, account, region, entry));
        return this;
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

    public List<Append> appends() {
        return List.copyOf(appends);
    }

    public boolean isEmpty() {
        return writes.isEmpty() && appends.isEmpty();
    }
}
