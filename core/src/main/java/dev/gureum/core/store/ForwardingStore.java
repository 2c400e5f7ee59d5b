package dev.gureum.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link Store} that hands every call to another; a subclass changes only the calls it is about. */
public abstract class ForwardingStore implements Store {
    private final Store store;

    protected ForwardingStore(Store store) {
        this.store = store;
    }

    /** The store the calls go to. */
    protected final Store store() {
        return store;
    }

    @Override
    public <T> Optional<Versioned<T>> get(RecordKind<T> kind, RecordKey key) {
        return store.get(kind, key);
    }

    @Override
    public <T> List<Versioned<T>> list(RecordKind<T> kind, String account, String region) {
        return store.list(kind, account, region);
    }

    @Override
    public <T> List<Versioned<T>> listAll(RecordKind<T> kind) {
        return store.listAll(kind);
    }

    @Override
    public <T> Map<String, List<T>> ledger(LedgerKind<T> kind, String account) {
        return store.ledger(kind, account);
    }

    @Override
    public void apply(WriteBatch batch) {
        store.apply(batch);
    }

    @Override
    public void wipe() {
        store.wipe();
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public void close() {
        store.close();
    }
}
