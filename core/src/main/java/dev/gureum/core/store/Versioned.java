package dev.gureum.core.store;

/** A record's value together with its version; the first version of a record is 1. */
public record Versioned<T>(RecordKey key, long version, T value) {
}
