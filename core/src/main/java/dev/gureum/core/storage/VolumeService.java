package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.ClientTokens;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * CreateVolume, DescribeVolumes, DescribeVolumeStatus and DeleteVolume. A volume is recorded {@code creating}
 * and its bytes are made after ({@link VolumeBytes}); deleting marks it {@code deleting} before its bytes go.
 */
public final class VolumeService {
    static final int MINIMUM_RESULTS = 5;
    static final int MAXIMUM_RESULTS = 500;
    /** DescribeVolumeStatus pages by up to 1,000, where DescribeVolumes stops at 500. */
    static final int MAXIMUM_STATUS_RESULTS = 1000;

    /** DescribeVolumes' filters; a volume's zone id is its zone's in {@code regions}. */
    private static FilterSet<Volume> volumeFilters(RegionCatalog regions) {
        return FilterSet.<Volume>builder()
            .many("attachment.attach-time", volume -> attachments(volume,
                    attachment -> dev.gureum.core.Timestamps.iso(attachment.attachTime())))
            .many("attachment.delete-on-termination", volume -> attachments(volume,
                    attachment -> Boolean.toString(attachment.deleteOnTermination())))
            .many("attachment.device", volume -> attachments(volume, VolumeAttachment::device))
            .many("attachment.instance-id", volume -> attachments(volume, VolumeAttachment::instanceId))
            .many("attachment.status", volume -> attachments(volume, VolumeAttachment::state))
            .single("availability-zone", Volume::availabilityZone)
            .single("availability-zone-id", volume -> regions.findZone(volume.availabilityZone()).map(Zone::id)
                    .orElse(null))
            .single("create-time", volume -> dev.gureum.core.Timestamps.iso(volume.createTime()))
            .single("encrypted", Volume::encrypted)
            .single("fast-restored", volume -> false)
            .single("multi-attach-enabled", Volume::multiAttachEnabled)
            .single("size", Volume::sizeGiB)
            .single("snapshot-id", Volume::snapshotId)
            .single("status", volume -> volume.state().wireName())
            .single("volume-id", Volume::id)
            .single("volume-type", volume -> volume.type().wireName())
            .tags(Volume::tags)
            .build();
    }

    /** DescribeVolumeStatus's own filters. */
    private static final FilterSet<VolumeHealth> HEALTH_FILTERS = FilterSet.<VolumeHealth>builder()
            .single("availability-zone", health -> health.volume().availabilityZone())
            .single("volume-status.status", VolumeHealth::status)
            .many("volume-status.details-name", health -> List.of("io-enabled", "io-performance"))
            .many("volume-status.details-status", health -> List.of(health.ioEnabled() ? "passed" : "failed",
                    "not-applicable"))
            .many("event.event-type", health -> List.of())
            .many("action.code", health -> List.of())
            .build();

    private final Store store;
    private final RegionCatalog regions;
    private final FilterSet<Volume> filters;
    private final VolumeBytes bytes;
    private final SnapshotDirectory snapshots;
    private final VolumeLedger ledger;

    public VolumeService(Store store, RegionCatalog regions, VolumeBytes bytes, SnapshotDirectory snapshots,
                         VolumeLedger ledger) {
        this.store = store;
        this.regions = regions;
        this.filters = volumeFilters(regions);
        this.bytes = bytes;
        this.snapshots = snapshots;
        this.ledger = ledger;
    }

    /** Records a volume made with its instance, in the launch's batch, and starts metering it. */
    public void recordProvisioned(WriteBatch batch, RequestContext context, Volume volume) {
        batch.put(StorageRecords.VOLUMES, Volumes.key(context, volume.id()), WriteBatch.ABSENT, volume);
        ledger.provisioned(batch, volume, context.now());
    }

    /** What CreateVolume asks for; null means "not given". */
    public record Request(String availabilityZone, String availabilityZoneId, Integer sizeGiB, String volumeType,
                          Integer iops, Integer throughput, Boolean encrypted, String kmsKeyId, String snapshotId,
                          Boolean multiAttachEnabled, List<Tag> tags, String clientToken) {

        /** The parameters a retry with the same token must repeat, as text. */
        String parameters() {
            return new Request(availabilityZone, availabilityZoneId, sizeGiB, volumeType, iops, throughput, encrypted,
                    kmsKeyId, snapshotId, multiAttachEnabled, tags, null).toString();
        }
    }

    /**
     * The volume as CreateVolume answers it: still {@code creating}, though its bytes exist when this returns. A
     * retry with the same ClientToken answers the volume the first request made (while it exists); other
     * parameters with that token are IdempotentParameterMismatch.
     */
    public Volume create(RequestContext context, Request request) {
        Optional<Volume> made = ClientTokens.earlier(store, context, "CreateVolume", request.clientToken(),
                request.parameters()).flatMap(id -> store.get(StorageRecords.VOLUMES, Volumes.key(context, id)))
                .map(Versioned::value);
        if (made.isPresent()) {
            return made.get();
        }
        Zone zone = zone(context, request.availabilityZone(), request.availabilityZoneId());
        Snapshot snapshot = request.snapshotId() == null ? null : restorable(context, request.snapshotId());
        if (request.sizeGiB() == null && snapshot == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter size");
        }
        VolumeType type = VolumeType.fromWireName(request.volumeType());
        int size = request.sizeGiB() != null ? request.sizeGiB() : snapshot.volumeSizeGiB();
        if (snapshot != null) {
            requireRoomFor(snapshot, size, Ec2Error.INVALID_PARAMETER_VALUE);
        }
        type.requireSize(size);
        Integer iops = type.iops(size, request.iops());
        Integer throughput = type.throughput(iops == null ? 0 : iops, request.throughput());
        boolean multiAttach = Boolean.TRUE.equals(request.multiAttachEnabled());
        if (multiAttach && !type.multiAttachable()) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Multi-Attach is supported for io1 and io2 volumes"
                    + " only, not for " + type.wireName() + " volumes.");
        }
        boolean fromEncrypted = snapshot != null && snapshot.encrypted();
        boolean encrypted = fromEncrypted || Boolean.TRUE.equals(request.encrypted());
        if (request.kmsKeyId() != null && !encrypted) {
            throw Ec2Error.INVALID_PARAMETER_DEPENDENCY.exception("The parameter [KmsKeyId] requires the parameter"
                    + " Encrypted to be set.");
        }
        TagRules.validate(request.tags());
        String kmsKey = !encrypted ? null : request.kmsKeyId() != null ? request.kmsKeyId()
                : fromEncrypted ? snapshot.kmsKeyId() : VolumeKeys.defaultKey(context);
        Volume volume = new Volume(ResourceIds.next(IdKind.VOLUME), context.account(), context.region(), zone.name(),
                size, type, iops, throughput, encrypted, kmsKey, snapshot == null ? null : snapshot.id(), multiAttach,
                context.now(), VolumeState.CREATING, List.of(), TagRules.merge(List.of(), request.tags()), false);
        RecordKey key = Volumes.key(context, volume.id());
        WriteBatch batch = new WriteBatch().put(StorageRecords.VOLUMES, key, WriteBatch.ABSENT, volume);
        ClientTokens.record(batch, context, "CreateVolume", request.clientToken(), volume.id(), request.parameters());
        ledger.provisioned(batch, volume, context.now());
        Writes.commit(store, context, batch, () -> bytes.finishCreating(volume));
        return volume;
    }

    /** A snapshot a volume can be made from: visible to the caller and completed. */
    private Snapshot restorable(RequestContext context, String snapshotId) {
        Snapshot snapshot = snapshots.requireVisible(context.account(), context.region(), snapshotId);
        if (snapshot.state() != SnapshotState.COMPLETED) {
            throw Ec2Error.INCORRECT_STATE.exception("Snapshot is in invalid state - " + snapshot.state().wireName());
        }
        return snapshot;
    }

    /** A volume made from a snapshot holds at least the snapshot's bytes. */
    static void requireRoomFor(Snapshot snapshot, int sizeGiB, Ec2Error error) {
        if (sizeGiB < snapshot.volumeSizeGiB()) {
            throw error.exception("Volume of size " + sizeGiB + "GB is smaller than  snapshot '" + snapshot.id()
                    + "', expect size >= " + snapshot.volumeSizeGiB() + "GB");
        }
    }

    public Page<Volume> describe(RequestContext context, List<String> ids, List<Filter> filters, Integer maxResults,
                                 String nextToken) {
        if (!ids.isEmpty() && maxResults != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("The parameter volumeSet cannot be used with the"
                    + " parameter maxResults");
        }
        ResourceIds.requireWellFormed(IdKind.VOLUME, ids);
        List<Volume> chosen = new ArrayList<>();
        if (ids.isEmpty()) {
            store.list(StorageRecords.VOLUMES, context.account(), context.region())
                    .forEach(versioned -> chosen.add(versioned.value()));
        } else {
            List<String> missing = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                store.get(StorageRecords.VOLUMES, Volumes.key(context, id))
                        .ifPresentOrElse(found -> chosen.add(found.value()), () -> missing.add(id));
            }
            if (!missing.isEmpty()) {
                throw Volumes.notFound(missing);
            }
        }
        List<Volume> found = chosen.stream().filter(this.filters.compile(filters))
                .sorted(Comparator.comparing(Volume::id)).toList();
        return Pages.pageAtMost("DescribeVolumes",
                found, Volume::id, maxResults, nextToken, MINIMUM_RESULTS, MAXIMUM_RESULTS);
    }

    public void delete(RequestContext context, String volumeId) {
        ResourceIds.requireWellFormed(IdKind.VOLUME, List.of(volumeId));
        Versioned<Volume> found = store.get(StorageRecords.VOLUMES, Volumes.key(context, volumeId))
                .orElseThrow(() -> Volumes.notFound(List.of(volumeId)));
        Volume volume = found.value();
        switch (volume.state()) {
            case AVAILABLE, ERROR -> {
                // deletable
            }
            case IN_USE -> throw Ec2Error.VOLUME_IN_USE.exception("Volume " + volumeId + " is currently attached to "
                    + volume.attachments().get(0).instanceId());
            case CREATING, DELETING, DELETED -> throw Ec2Error.INCORRECT_STATE.exception("The volume '" + volumeId
                    + "' is in the '" + volume.state().wireName() + "' state.");
        }
        Volume deleting = volume.withState(VolumeState.DELETING);
        WriteBatch batch = new WriteBatch().put(StorageRecords.VOLUMES, found.key(), found.version(), deleting);
        ledger.released(batch, volume, context.now());
        Writes.commit(store, context, batch, () -> bytes.finishDeleting(List.of(deleting)));
    }

    /**
     * DescribeVolumeStatus: a volume whose bytes are in place is {@code ok} (I/O enabled, performance checks
     * not applicable to the type); one whose bytes are missing or whose creation failed is {@code impaired}.
     * The status filters narrow the volumes; the others are DescribeVolumes' own. As there, volume ids and
     * MaxResults exclude each other, and a MaxResults above the most a page holds asks for that most.
     */
    public Page<VolumeHealth> statuses(RequestContext context, List<String> ids, List<Filter> filters,
                                       Integer maxResults, String nextToken) {
        if (!ids.isEmpty() && maxResults != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("The parameter volumeSet cannot be used with the"
                    + " parameter maxResults");
        }
        List<VolumeHealth> health = new ArrayList<>();
        for (Volume volume : describe(context, ids, List.of(), null, null).items()) {
            if (volume.state() == VolumeState.AVAILABLE || volume.state() == VolumeState.IN_USE
                    || volume.state() == VolumeState.ERROR) {
                health.add(new VolumeHealth(volume, bytes.ioEnabled(volume)));
            }
        }
        List<VolumeHealth> found = health.stream().filter(HEALTH_FILTERS.compile(filters)).toList();
        return Pages.pageAtMost("DescribeVolumeStatus",
                found, entry -> entry.volume().id(), maxResults, nextToken, MINIMUM_RESULTS,
                MAXIMUM_STATUS_RESULTS);
    }

    /**
     * EnableVolumeIO: Gureum disables a volume's I/O only when its bytes are gone (DescribeVolumeStatus shows it
     * impaired), which enabling cannot mend, so that is refused; any other volume's I/O is enabled already.
     */
    public void enableIo(RequestContext context, String volumeId) {
        Volume volume = Volumes.require(store, context, volumeId).value();
        if (!bytes.ioEnabled(volume)) {
            throw Ec2Error.INCORRECT_STATE.exception("The volume '" + volumeId + "' has lost its data; its I/O"
                    + " cannot be enabled.");
        }
    }

    /** A volume and whether it can do I/O, as DescribeVolumeStatus reports it. */
    public record VolumeHealth(Volume volume, boolean ioEnabled) {
        public String status() {
            return ioEnabled ? "ok" : "impaired";
        }
    }

    private Zone zone(RequestContext context, String zoneName, String zoneId) {
        if (zoneName == null && zoneId == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter AvailabilityZone");
        }
        return regions.find(context.region()).orElseThrow().availabilityZone(zoneName, zoneId)
                .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid availability zone: ["
                        + (zoneName != null ? zoneName : zoneId) + "]"));
    }


    private static List<String> attachments(Volume volume,
                                            java.util.function.Function<VolumeAttachment, String> value) {
        return volume.attachments().stream().map(value).toList();
    }
}
