package dev.gureum.core.storage;

import java.util.Locale;

/** An EBS snapshot's state as DescribeSnapshots names it. */
public enum SnapshotState {
    PENDING, COMPLETED, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
