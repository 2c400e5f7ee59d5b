package dev.gureum.store;

import dev.gureum.core.store.RecordKind;
import java.time.Instant;
import java.util.List;

/** A value type for the store tests, with the field types that domain records use. */
record Sample(String name, int count, Instant at, List<String> tags) {
    static final RecordKind<Sample> KIND = RecordKind.of("sample", Sample.class);
    static final RecordKind<Sample> OTHER_KIND = RecordKind.of("other-sample", Sample.class);

    static Sample named(String name, int count) {
        return new Sample(name, count, Instant.parse("2025-01-02T03:04:05.123456789Z"), List.of("a", name));
    }
}
