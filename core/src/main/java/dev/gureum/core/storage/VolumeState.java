package dev.gureum.core.storage;

import java.util.Locale;

/** An EBS volume's state as DescribeVolumes names it. */
public enum VolumeState {
    CREATING, AVAILABLE, IN_USE, DELETING, DELETED, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
