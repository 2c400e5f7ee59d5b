package dev.gureum.core.instance;

import dev.gureum.core.store.RecordKind;

/** The record kinds instances are stored as. Names are persisted: never rename them. */
public final class InstanceRecords {
    public static final RecordKind<Instance> INSTANCES = RecordKind.of("instance", Instance.class);
    public static final RecordKind<ClientTokenRecord> CLIENT_TOKENS = RecordKind.of("run-instances-token",
            ClientTokenRecord.class);

    /** The encrypted Administrator password of a Windows instance launched with an RSA key pair, by instance id. */
    public static final RecordKind<InstancePassword> PASSWORDS = RecordKind.of("instance-password",
            InstancePassword.class);

    private InstanceRecords() {
    }
}
