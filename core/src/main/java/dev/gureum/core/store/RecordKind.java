package dev.gureum.core.store;

import java.util.Objects;

/**
 * A kind of record and the Java type that holds it. The name is what the store persists, so it must
 * never change once records of the kind exist. Value types are immutable records that the store can
 * serialize as JSON (plain records of strings, numbers, booleans, enums, instants, lists and maps).
 */
public final class RecordKind<T> {
    private final String name;
    private final Class<T> type;

    private RecordKind(String name, Class<T> type) {
        if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("record kind names are lower-case words: " + name);
        }
        this.name = name;
        this.type = Objects.requireNonNull(type);
    }

    public static <T> RecordKind<T> of(String name, Class<T> type) {
        return new RecordKind<>(name, type);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordKind<?> kind && kind.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
