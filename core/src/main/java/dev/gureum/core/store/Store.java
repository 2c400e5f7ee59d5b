package dev.gureum.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable, versioned resource records keyed by (kind, account, region, id).
 *
 * <p>Writes go through {@link #apply(WriteBatch)}: every operation in a batch carries the version it
 * expects, the batch commits atomically or not at all, and it is durable before {@code apply} returns
 * ("acknowledged means durable"). Reads are served from memory and never scan the backing medium.
 * Implementations hold no business rules.
 */
public interface Store extends AutoCloseable {

    <T> Optional<Versioned<T>> get(RecordKind<T> kind, RecordKey key);

    /** Every record of a kind in one account and region, in id order. */
    <T> List<Versioned<T>> list(RecordKind<T> kind, String account, String region);

    /** Every record of a kind in every account and region, for reconcilers; not for request paths. */
    <T> List<Versioned<T>> listAll(RecordKind<T> kind);

    /**
     * The account's entries of a ledger kind, per region, each region's in the order they were appended. The
     * lists are the entries committed when this is called; later appends do not show in them.
     */
    <T> Map<String, List<T>> ledger(LedgerKind<T> kind, String account);

    /**
     * Commits the batch atomically and durably.
     *
     * @throws VersionConflictException when any record's current version differs from the expected one
     */
    void apply(WriteBatch batch);

    /** Removes every record (the admin reset); durable like any write. */
    void wipe();

    /** Short name of the implementation, for the health endpoint. */
    String name();

    @Override
    void close();
}
