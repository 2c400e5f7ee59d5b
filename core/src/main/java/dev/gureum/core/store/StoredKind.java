package dev.gureum.core.store;

import java.util.Objects;

/**
 * What the store persists of a kind (of records or of ledger entries): its name, a lower-case word that must
 * never change once something of the kind is stored, and the Java type that holds one. Kinds are equal when
 * their names are.
 */
public abstract sealed class StoredKind<T> permits RecordKind, LedgerKind {
    private final String name;
    private final Class<T> type;

    StoredKind(String name, Class<T> type) {
        if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("kind names are lower-case words: " + name);
        }
        this.name = name;
        this.type = Objects.requireNonNull(type);
    }

    public final String name() {
        return name;
    }

    public final Class<T> type() {
        return type;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((StoredKind<?>) other).name.equals(name);
    }

    @Override
    public final int hashCode() {
        return name.hashCode();
    }

    @Override
    public final String toString() {
        return name;
    }
}
