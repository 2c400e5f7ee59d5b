package dev.gureum.core.store;

/**
 * A kind of record and the Java type that holds it. The name is what the store persists, so it must
 * never change once records of the kind exist. Value types are immutable records that the store can
 * serialize as JSON (plain records of strings, numbers, booleans, enums, instants, lists and maps).
 */
public final class RecordKind<T> extends StoredKind<T> {
    private RecordKind(String name, Class<T> type) {
        super(name, type);
    }

    public static <T> RecordKind<T> of(String name, Class<T> type) {
        return new RecordKind<>(name, type);
    }
}
