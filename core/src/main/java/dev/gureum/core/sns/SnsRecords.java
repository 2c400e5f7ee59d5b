package dev.gureum.core.sns;

import dev.gureum.core.store.RecordKind;

/** Where SNS keeps its records. The names are persisted: never change them. */
public final class SnsRecords {
    /** Topics, keyed by owner, region and topic name. */
    public static final RecordKind<Topic> TOPICS = RecordKind.of("sns-topic", Topic.class);

    private SnsRecords() {
    }
}
