package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.share.PermissionChange;
import dev.gureum.core.share.Permissions;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.util.List;

/**
 * A snapshot's attributes as only its owner may read and change them: the create-volume permission
 * (account ids, and the group "all" that makes it public) and product codes (none here). Sharing files
 * {@link SnapshotGrant} index records in the same batch.
 */
public final class SnapshotAttributes {
    public static final List<String> NAMES = List.of("createVolumePermission", "productCodes");

    private final Store store;
    private final SnapshotDirectory directory;

    public SnapshotAttributes(Store store, SnapshotDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** The caller's snapshot whose attribute DescribeSnapshotAttribute reports. */
    public Snapshot describe(RequestContext context, String snapshotId, String attribute) {
        requireName(attribute);
        return directory.requireOwned(context.account(), context.region(), snapshotId).value();
    }

    /**
     * ModifySnapshotAttribute's createVolumePermission change. Encrypted snapshots are never public, and
     * one encrypted with the account's default EBS key is shared with nobody, as EC2 refuses both.
     */
    public void modifyCreateVolumePermission(RequestContext context, String snapshotId, PermissionChange change) {
        change.validate("create volume permission");
        Versioned<Snapshot> found = directory.requireOwned(context.account(), context.region(), snapshotId);
        Snapshot snapshot = found.value();
        Permissions after = change.applyTo(snapshot.createVolumePermissions());
        if (snapshot.encrypted() && after.isPublic()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Encrypted snapshots can\u2019t be shared publicly."
                    + " Specify another snapshot.");
        }
        if (snapshot.encrypted() && !after.userIds().isEmpty()
                && VolumeKeys.defaultKey(context).equals(snapshot.kmsKeyId())) {
            throw Ec2Error.OPERATION_NOT_PERMITTED.exception("Encrypted snapshots with EBS default key cannot be shared");
        }
        save(context, found, snapshot.withCreateVolumePermissions(after));
    }

    /** ResetSnapshotAttribute: only createVolumePermission can be reset; the snapshot becomes private. */
    public void reset(RequestContext context, String snapshotId, String attribute) {
        requireName(attribute);
        if (!"createVolumePermission".equals(attribute)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + attribute + ") for parameter attribute is"
                    + " invalid. Only createVolumePermission can be reset.");
        }
        Versioned<Snapshot> found = directory.requireOwned(context.account(), context.region(), snapshotId);
        save(context, found, found.value().withCreateVolumePermissions(Permissions.PRIVATE));
    }

    private void save(RequestContext context, Versioned<Snapshot> before, Snapshot after) {
        WriteBatch batch = new WriteBatch().put(StorageRecords.SNAPSHOTS, before.key(), before.version(), after);
        SnapshotDirectory.regrant(batch, before.value(), after);
        Writes.commit(store, context, batch);
    }

    static void requireName(String attribute) {
        if (attribute == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter Attribute");
        }
        if (!NAMES.contains(attribute)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + attribute + ") for parameter attribute is"
                    + " invalid. Unknown attribute.");
        }
    }
}
