package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.share.Grants;
import dev.gureum.core.share.Permissions;
import dev.gureum.core.share.UserIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * CreateSnapshot, CopySnapshot, DeleteSnapshot and DescribeSnapshots. A snapshot is recorded
 * {@code pending}, then its point-in-time copy of the volume's bytes is made and forced to disk before
 * it becomes {@code completed} ({@code error} when the disk refuses). A snapshot caught pending by a crash
 * is copied again by {@link #reconcile()} at start-up.
 */
public final class SnapshotService {
    static final int MINIMUM_RESULTS = 5;
    static final int MAXIMUM_RESULTS = 1000;
    private static final List<String> OWNER_ALIASES = List.of("amazon", "aws-marketplace", "aws-backup-vault");
    private static final Logger LOG = Logger.getLogger(SnapshotService.class.getName());

    private static final FilterSet<Snapshot> FILTERS = FilterSet.<Snapshot>builder()
            .single("description", Snapshot::description)
            .single("encrypted", Snapshot::encrypted)
            .single("owner-alias", Snapshot::ownerAlias)
            .single("owner-id", Snapshot::ownerId)
            .single("progress", Snapshot::progress)
            .single("snapshot-id", Snapshot::id)
            .single("start-time", snapshot -> dev.gureum.core.Timestamps.iso(snapshot.startTime()))
            .single("status", snapshot -> snapshot.state().wireName())
            .single("storage-tier", snapshot -> "standard")
            .single("volume-id", Snapshot::volumeId)
            .single("volume-size", Snapshot::volumeSizeGiB)
            .tags(Snapshot::tags)
            .build();

    private final Store store;
    private final BlockStore blocks;
    private final SnapshotDirectory directory;
    private final SnapshotUsers users;
    private final SnapshotLedger ledger;

    public SnapshotService(Store store, BlockStore blocks, SnapshotDirectory directory, SnapshotUsers users,
                           SnapshotLedger ledger) {
        this.store = store;
        this.blocks = blocks;
        this.directory = directory;
        this.users = users;
        this.ledger = ledger;
    }

    /** CreateSnapshot: the answer is {@code pending}; the bytes are copied and forced to disk when it returns. */
    public Snapshot create(RequestContext context, String volumeId, String description, List<Tag> tags) {
        Volume volume = Volumes.require(store, context, volumeId).value();
        requireSnapshottable(volume);
        TagRules.validate(tags);
        Snapshot snapshot = pending(context, volume, description, TagRules.merge(List.of(), tags));
        save(context, List.of(new Copy(snapshot, volume.disk())));
        return snapshot;
    }

    /**
     * CreateSnapshots: one crash-consistent set, a snapshot of every volume attached to the instance (the
     * boot volume unless excluded, data volumes unless excluded), all recorded in one batch.
     */
    public List<Snapshot> createForInstance(RequestContext context, InstanceVolumes instance, String description,
                                            boolean copyTagsFromVolumes, List<Tag> tags) {
        TagRules.validate(tags);
        List<Copy> copies = new ArrayList<>();
        for (Volume volume : instance.volumes()) {
            requireSnapshottable(volume);
            List<Tag> snapshotTags = copyTagsFromVolumes ? TagRules.merge(volume.tags(), tags)
                    : TagRules.merge(List.of(), tags);
            copies.add(new Copy(pending(context, volume, description, snapshotTags), volume.disk()));
        }
        save(context, copies);
        return copies.stream().map(Copy::snapshot).toList();
    }

    /** A snapshot's volumes for CreateSnapshots, chosen by the caller from what the instance has attached. */
    public record InstanceVolumes(String instanceId, List<Volume> volumes) {
    }

    /**
     * CopySnapshot into the caller's region from a completed snapshot it can see in {@code sourceRegion}: a
     * new snapshot, owned by the caller, with its own copy of the bytes; encrypted if the source was or if
     * asked, with the given or the default key.
     */
    public Snapshot copy(RequestContext context, String sourceRegion, String sourceSnapshotId, String description,
                         Boolean encrypted, String kmsKeyId, List<Tag> tags) {
        if (sourceRegion == null || sourceRegion.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter SourceRegion");
        }
        if (sourceSnapshotId == null || sourceSnapshotId.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter SourceSnapshotId");
        }
        Snapshot source = directory.requireVisible(context.account(), sourceRegion, sourceSnapshotId);
        if (source.state() != SnapshotState.COMPLETED) {
            throw Ec2Error.INCORRECT_STATE.exception("Snapshot is in invalid state - " + source.state().wireName());
        }
        boolean encrypt = source.encrypted() || Boolean.TRUE.equals(encrypted);
        if (kmsKeyId != null && !encrypt) {
            throw Ec2Error.INVALID_PARAMETER_DEPENDENCY.exception("The parameter [KmsKeyId] requires the parameter"
                    + " Encrypted to be set.");
        }
        TagRules.validate(tags);
        String key = !encrypt ? null : kmsKeyId != null ? kmsKeyId
                : source.encrypted() && source.region().equals(context.region()) ? source.kmsKeyId()
                : VolumeKeys.defaultKey(context);
        Snapshot snapshot = new Snapshot(ResourceIds.next(IdKind.SNAPSHOT), context.account(), null, context.region(),
                Snapshot.NO_VOLUME, source.volumeSizeGiB(),
                description != null ? description : "[Copied " + source.id() + " from " + sourceRegion + "]",
                context.now(), SnapshotState.PENDING, encrypt, key, Permissions.PRIVATE, TagRules.merge(List.of(), tags));
        save(context, List.of(new Copy(snapshot, source.disk())));
        return snapshot;
    }

    /**
     * The copy CopyImage makes of a snapshot behind the image it copies: owned by the caller, in the
     * caller's region, with its own bytes.
     */
    public Snapshot copyForImage(RequestContext context, Snapshot source, boolean encrypted, String description,
                                 List<Tag> tags) {
        boolean encrypt = source.encrypted() || encrypted;
        Snapshot snapshot = new Snapshot(ResourceIds.next(IdKind.SNAPSHOT), context.account(), null, context.region(),
                Snapshot.NO_VOLUME, source.volumeSizeGiB(), description, context.now(), SnapshotState.PENDING, encrypt,
                encrypt ? VolumeKeys.defaultKey(context) : null, Permissions.PRIVATE, tags);
        save(context, List.of(new Copy(snapshot, source.disk())));
        return snapshot;
    }

    /** DeleteSnapshot: only the owner's, and not while a registered image of the owner uses it. */
    public void delete(RequestContext context, String snapshotId) {
        Versioned<Snapshot> found = directory.requireOwned(context.account(), context.region(), snapshotId);
        users.imageUsing(context.account(), context.region(), snapshotId).ifPresent(imageId -> {
            throw Ec2Error.SNAPSHOT_IN_USE.exception("The snapshot " + snapshotId + " is currently in use by "
                    + imageId);
        });
        WriteBatch batch = new WriteBatch().delete(StorageRecords.SNAPSHOTS, found.key(), found.version());
        SnapshotDirectory.regrant(batch, found.value(), null);
        ledger.released(batch, found.value(), context.now());
        Writes.commit(store, context, batch, () -> freeBytes(found.value()));
    }

    /**
     * DescribeSnapshots: the named snapshots (each must be visible), or every visible one — the caller's,
     * those shared with it and public ones — narrowed by owners, by who may restore them, and by filters.
     * Other accounts' tags are not shown.
     */
    public Page<Snapshot> describe(RequestContext context, List<String> ids, List<String> ownerIds,
                                   List<String> restorableBy, List<Filter> filters, Integer maxResults,
                                   String nextToken) {
        if (!ids.isEmpty() && maxResults != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("The parameter snapshotSet cannot be used with the"
                    + " parameter maxResults");
        }
        ResourceIds.requireWellFormed(IdKind.SNAPSHOT, ids);
        Predicate<Snapshot> chosen = owners(context.account(), ownerIds)
                .and(restorableBy(context.account(), restorableBy)).and(FILTERS.compile(filters));
        List<Snapshot> candidates;
        if (ids.isEmpty()) {
            candidates = directory.visible(context.account(), context.region());
        } else {
            candidates = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                directory.findVisible(context.account(), context.region(), id)
                        .ifPresentOrElse(candidates::add, () -> missing.add(id));
            }
            if (!missing.isEmpty()) {
                throw SnapshotDirectory.notFound(missing);
            }
        }
        List<Snapshot> found = candidates.stream().filter(chosen)
                .map(snapshot -> snapshot.isOwnedBy(context.account()) ? snapshot : snapshot.withTags(List.of()))
                .sorted(Comparator.comparing(Snapshot::id)).toList();
        return Pages.pageAtMost("DescribeSnapshots",
                found, Snapshot::id, maxResults, nextToken, MINIMUM_RESULTS, MAXIMUM_RESULTS);
    }

    /** After a restart: copies again the snapshots a crash caught pending, from their volume if it is still there. */
    public void reconcile() {
        for (Versioned<Snapshot> versioned : store.listAll(StorageRecords.SNAPSHOTS)) {
            Snapshot snapshot = versioned.value();
            if (snapshot.state() == SnapshotState.PENDING) {
                Disk volume = Disk.volume(snapshot.ownerId(), snapshot.region(), snapshot.volumeId());
                copyBytes(new Copy(snapshot, volume));
            }
        }
    }

    /** For the admin reset, before the store is wiped: frees every snapshot's bytes. */
    public void discardAll() {
        store.listAll(StorageRecords.SNAPSHOTS).forEach(versioned -> freeBytes(versioned.value()));
    }

    /** A snapshot to make, and the disk whose bytes it copies. */
    private record Copy(Snapshot snapshot, Disk source) {
    }

    private void save(RequestContext context, List<Copy> copies) {
        WriteBatch batch = new WriteBatch();
        for (Copy copy : copies) {
            batch.put(StorageRecords.SNAPSHOTS, key(copy.snapshot()), WriteBatch.ABSENT, copy.snapshot());
        }
        Writes.commit(store, context, batch, () -> copies.forEach(this::copyBytes));
    }

    private void copyBytes(Copy copy) {
        Snapshot snapshot = copy.snapshot();
        SnapshotState settled;
        long stored = 0;
        try {
            blocks.copy(copy.source(), snapshot.disk(), snapshot.volumeSizeBytes());
            stored = blocks.storedBytes(snapshot.disk());
            settled = SnapshotState.COMPLETED;
        } catch (IOException e) {
            LOG.warning("snapshot " + snapshot.id() + " could not copy its bytes: " + e.getMessage());
            settled = SnapshotState.ERROR;
        }
        RecordKey key = key(snapshot);
        SnapshotState state = settled;
        long bytes = stored;
        store.get(StorageRecords.SNAPSHOTS, key).filter(current -> current.value().state() == SnapshotState.PENDING)
                .ifPresent(current -> {
                    WriteBatch batch = new WriteBatch().put(StorageRecords.SNAPSHOTS, key, current.version(),
                            current.value().withState(state));
                    if (state == SnapshotState.COMPLETED) {
                        ledger.stored(batch, current.value(), bytes);
                    }
                    store.apply(batch);
                });
    }

    private void freeBytes(Snapshot snapshot) {
        try {
            blocks.delete(snapshot.disk());
        } catch (IOException e) {
            LOG.warning("snapshot " + snapshot.id() + " could not free its bytes: " + e.getMessage());
        }
    }

    private static Snapshot pending(RequestContext context, Volume volume, String description, List<Tag> tags) {
        return new Snapshot(ResourceIds.next(IdKind.SNAPSHOT), context.account(), null, context.region(), volume.id(),
                volume.sizeGiB(), description == null ? "" : description, context.now(), SnapshotState.PENDING,
                volume.encrypted(), volume.kmsKeyId(), Permissions.PRIVATE, tags);
    }

    private static void requireSnapshottable(Volume volume) {
        if (volume.state() != VolumeState.AVAILABLE && volume.state() != VolumeState.IN_USE) {
            throw Ec2Error.INCORRECT_STATE.exception("The volume '" + volume.id() + "' is in the '"
                    + volume.state().wireName() + "' state.");
        }
    }

    private static RecordKey key(Snapshot snapshot) {
        return new RecordKey(snapshot.ownerId(), snapshot.region(), snapshot.id());
    }

    /** OwnerIds: "self", an alias (amazon, …) or an account id; none means any owner. */
    private static Predicate<Snapshot> owners(String account, List<String> owners) {
        Predicate<Snapshot> any = owners.isEmpty() ? snapshot -> true : snapshot -> false;
        for (String owner : owners) {
            Predicate<Snapshot> one;
            if ("self".equals(owner)) {
                one = snapshot -> snapshot.isOwnedBy(account);
            } else if (OWNER_ALIASES.contains(owner)) {
                one = snapshot -> owner.equals(snapshot.ownerAlias());
            } else {
                String ownerId = UserIds.requireAccountId(owner);
                one = snapshot -> snapshot.isOwnedBy(ownerId);
            }
            any = any.or(one);
        }
        return any;
    }

    /** RestorableByUserIds: "all" for public snapshots, "self" or an account id for explicit permissions. */
    private static Predicate<Snapshot> restorableBy(String account, List<String> users) {
        Predicate<Snapshot> any = users.isEmpty() ? snapshot -> true : snapshot -> false;
        for (String user : users) {
            Predicate<Snapshot> one;
            if (Grants.EVERYONE.equals(user)) {
                one = snapshot -> snapshot.createVolumePermissions().isPublic();
            } else {
                String userId = "self".equals(user) ? account : UserIds.requireAccountId(user);
                one = snapshot -> snapshot.isOwnedBy(userId) || snapshot.createVolumePermissions().userIds()
                        .contains(userId);
            }
            any = any.or(one);
        }
        return any;
    }
}
