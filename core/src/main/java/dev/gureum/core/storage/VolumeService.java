package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * CreateVolume, DescribeVolumes and DeleteVolume. A volume is recorded {@code creating}, its zeroed backing
 * store made, then it becomes {@code available} (or {@code error} when the disk refuses, as EBS reports a
 * failed creation); deleting marks it {@code deleting}, frees its bytes, then forgets it. A volume caught
 * between the two steps by a crash is finished by {@link #reconcile()} at start-up.
 */
public final class VolumeService {
    static final int MINIMUM_RESULTS = 5;
    static final int MAXIMUM_RESULTS = 500;
    private static final Logger LOG = Logger.getLogger(VolumeService.class.getName());

    private static final FilterSet<Volume> FILTERS = FilterSet.<Volume>builder()
            .many("attachment.attach-time", volume -> attachments(volume,
                    attachment -> dev.gureum.core.Timestamps.iso(attachment.attachTime())))
            .many("attachment.delete-on-termination", volume -> attachments(volume,
                    attachment -> Boolean.toString(attachment.deleteOnTermination())))
            .many("attachment.device", volume -> attachments(volume, VolumeAttachment::device))
            .many("attachment.instance-id", volume -> attachments(volume, VolumeAttachment::instanceId))
            .many("attachment.status", volume -> attachments(volume, VolumeAttachment::state))
            .single("availability-zone", Volume::availabilityZone)
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

    /** A device name EBS accepts on a Linux instance: /dev/sd[a-z] or /dev/xvd[a-z], one or two letters. */
    private static final java.util.regex.Pattern DEVICE = java.util.regex.Pattern.compile("/dev/(sd|xvd)[a-z]{1,2}");
    /** How many instances one io1 or io2 volume may attach to at once. */
    static final int MAX_MULTI_ATTACH = 16;

    private final Store store;
    private final RegionCatalog regions;
    private final BlockStore blocks;
    private final VolumeHosts hosts;

    public VolumeService(Store store, RegionCatalog regions, BlockStore blocks, VolumeHosts hosts) {
        this.store = store;
        this.regions = regions;
        this.blocks = blocks;
        this.hosts = hosts;
    }

    /** What CreateVolume asks for; null means "not given". */
    public record Request(String availabilityZone, String availabilityZoneId, Integer sizeGiB, String volumeType,
                          Integer iops, Integer throughput, Boolean encrypted, String kmsKeyId, String snapshotId,
                          Boolean multiAttachEnabled, List<Tag> tags) {
    }

    /** The volume as CreateVolume answers it: still {@code creating}, though its bytes exist when this returns. */
    public Volume create(RequestContext context, Request request) {
        Zone zone = zone(context, request.availabilityZone(), request.availabilityZoneId());
        if (request.snapshotId() != null) {
            ResourceIds.requireWellFormed(IdKind.SNAPSHOT, List.of(request.snapshotId()));
            throw ResourceIds.notFound(IdKind.SNAPSHOT, List.of(request.snapshotId()));
        }
        if (request.sizeGiB() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter size");
        }
        VolumeType type = VolumeType.fromWireName(request.volumeType());
        int size = request.sizeGiB();
        type.requireSize(size);
        Integer iops = type.iops(size, request.iops());
        Integer throughput = type.throughput(iops == null ? 0 : iops, request.throughput());
        boolean multiAttach = Boolean.TRUE.equals(request.multiAttachEnabled());
        if (multiAttach && !type.multiAttachable()) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Multi-Attach is supported for io1 and io2 volumes"
                    + " only, not for " + type.wireName() + " volumes.");
        }
        boolean encrypted = Boolean.TRUE.equals(request.encrypted());
        if (request.kmsKeyId() != null && !encrypted) {
            throw Ec2Error.INVALID_PARAMETER_DEPENDENCY.exception("The parameter [KmsKeyId] requires the parameter"
                    + " Encrypted to be set.");
        }
        TagRules.validate(request.tags());
        Volume volume = new Volume(ResourceIds.next(IdKind.VOLUME), context.account(), context.region(), zone.name(),
                size, type, iops, throughput, encrypted,
                encrypted ? (request.kmsKeyId() != null ? request.kmsKeyId() : defaultKey(context)) : null,
                null, multiAttach, context.now(), VolumeState.CREATING, List.of(), TagRules.merge(List.of(), request.tags()));
        RecordKey key = key(context, volume.id());
        Writes.commit(store, context, new WriteBatch().put(StorageRecords.VOLUMES, key, WriteBatch.ABSENT, volume),
                () -> finishCreating(volume));
        return volume;
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
                store.get(StorageRecords.VOLUMES, key(context, id))
                        .ifPresentOrElse(found -> chosen.add(found.value()), () -> missing.add(id));
            }
            if (!missing.isEmpty()) {
                throw notFound(missing);
            }
        }
        List<Volume> found = chosen.stream().filter(FILTERS.compile(filters))
                .sorted(Comparator.comparing(Volume::id)).toList();
        return Pages.page(found, Volume::id, maxResults, nextToken, MINIMUM_RESULTS, MAXIMUM_RESULTS);
    }

    public void delete(RequestContext context, String volumeId) {
        ResourceIds.requireWellFormed(IdKind.VOLUME, List.of(volumeId));
        Versioned<Volume> found = store.get(StorageRecords.VOLUMES, key(context, volumeId))
                .orElseThrow(() -> notFound(List.of(volumeId)));
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
        Writes.commit(store, context, new WriteBatch().put(StorageRecords.VOLUMES, found.key(), found.version(),
                deleting), () -> finishDeleting(deleting));
    }

    /**
     * AttachVolume: the volume must be available (or a Multi-Attach volume with room), in the instance's zone,
     * at a free, valid device name. The attachment is {@code attaching} in the answer and {@code attached}
     * right after.
     */
    public VolumeAttachment attach(RequestContext context, String volumeId, String instanceId, String device) {
        Versioned<Volume> found = require(context, volumeId);
        Volume volume = found.value();
        VolumeHosts.Host host = host(context, instanceId);
        if (device == null || !DEVICE.matcher(device).matches()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + device + ") for parameter device is invalid. "
                    + device + " is not a valid EBS device name.");
        }
        if (!volume.availabilityZone().equals(host.availabilityZone())) {
            throw Ec2Error.VOLUME_ZONE_MISMATCH.exception("The volume '" + volumeId
                    + "' is not in the same availability zone as instance '" + instanceId + "'");
        }
        if (!List.of("running", "stopped", "pending", "stopping").contains(host.state())) {
            throw Ec2Error.INCORRECT_INSTANCE_STATE.exception("The instance '" + instanceId + "' is not in a state"
                    + " from which a volume can be attached.");
        }
        switch (volume.state()) {
            case AVAILABLE -> {
                // attachable
            }
            case IN_USE -> {
                if (!volume.multiAttachEnabled() || volume.attachments().size() >= MAX_MULTI_ATTACH
                        || volume.attachments().stream().anyMatch(a -> a.instanceId().equals(instanceId))) {
                    throw Ec2Error.VOLUME_IN_USE.exception(volumeId + " is already attached to an instance");
                }
            }
            case CREATING, DELETING, DELETED, ERROR -> throw Ec2Error.INCORRECT_STATE.exception("The volume '" + volumeId
                    + "' is in the '" + volume.state().wireName() + "' state.");
        }
        boolean deviceTaken = device.equals(host.rootDeviceName()) || store.list(StorageRecords.VOLUMES,
                context.account(), context.region()).stream().flatMap(other -> other.value().attachments().stream())
                .anyMatch(other -> other.instanceId().equals(instanceId) && other.device().equals(device));
        if (deviceTaken) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value '" + device + "' for unixDevice. Attachment"
                    + " point " + device + " is already in use");
        }
        VolumeAttachment attaching = new VolumeAttachment(instanceId, device, "attaching", context.now(), false);
        List<VolumeAttachment> attachments = new ArrayList<>(volume.attachments());
        attachments.add(attaching);
        Writes.commit(store, context, new WriteBatch().put(StorageRecords.VOLUMES, found.key(), found.version(),
                volume.withAttachments(attachments)), () -> settleAttachment(found.key(), instanceId, "attached"));
        return attaching;
    }

    /**
     * DetachVolume: from the named instance (required when the volume is attached to several), answered
     * {@code detaching}; the volume is available once its last attachment is gone.
     */
    public VolumeAttachment detach(RequestContext context, String volumeId, String instanceId, String device) {
        Versioned<Volume> found = require(context, volumeId);
        Volume volume = found.value();
        if (volume.attachments().isEmpty()) {
            throw Ec2Error.INCORRECT_STATE.exception("Volume '" + volumeId + "' is in the '"
                    + volume.state().wireName() + "' state.");
        }
        if (instanceId == null && volume.attachments().size() > 1) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter instanceId, as the"
                    + " volume is attached to several instances");
        }
        VolumeAttachment attachment = volume.attachments().stream()
                .filter(candidate -> instanceId == null || candidate.instanceId().equals(instanceId))
                .filter(candidate -> device == null || candidate.device().equals(device))
                .findFirst()
                .orElseThrow(() -> Ec2Error.INVALID_ATTACHMENT_NOT_FOUND.exception("The volume " + volumeId
                        + " is not attached to instance " + instanceId + (device == null ? "" : " as device " + device)));
        if (attachment.device().equals(hosts.find(context, attachment.instanceId())
                .filter(host -> !"stopped".equals(host.state())).map(VolumeHosts.Host::rootDeviceName).orElse(null))) {
            throw Ec2Error.OPERATION_NOT_PERMITTED.exception("The root volume of instance " + attachment.instanceId()
                    + " cannot be detached while it runs; stop the instance first.");
        }
        VolumeAttachment detaching = attachment.withState("detaching");
        Writes.commit(store, context, new WriteBatch().put(StorageRecords.VOLUMES, found.key(), found.version(),
                volume.withAttachments(replace(volume.attachments(), attachment, detaching))),
                () -> settleAttachment(found.key(), attachment.instanceId(), null));
        return detaching;
    }

    /**
     * Terminated instances let go of their volumes, in the batch that terminates them. Volumes attached
     * with AttachVolume are not deleted on termination (EC2's default for them), so they are detached.
     */
    public void instancesTerminated(WriteBatch batch, String account, String region, java.util.Set<String> instanceIds) {
        for (Versioned<Volume> versioned : store.list(StorageRecords.VOLUMES, account, region)) {
            Volume volume = versioned.value();
            List<VolumeAttachment> kept = volume.attachments().stream()
                    .filter(attachment -> !instanceIds.contains(attachment.instanceId())).toList();
            if (kept.size() != volume.attachments().size()) {
                batch.put(StorageRecords.VOLUMES, versioned.key(), versioned.version(), volume.withAttachments(kept));
            }
        }
    }

    /** Moves the instance's attachment of the volume on: to {@code state}, or gone when {@code state} is null. */
    private void settleAttachment(RecordKey key, String instanceId, String state) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Versioned<Volume>> found = store.get(StorageRecords.VOLUMES, key);
            if (found.isEmpty()) {
                return;
            }
            List<VolumeAttachment> attachments = new ArrayList<>();
            for (VolumeAttachment attachment : found.get().value().attachments()) {
                if (!attachment.instanceId().equals(instanceId)) {
                    attachments.add(attachment);
                } else if (state != null) {
                    attachments.add(attachment.withState(state));
                }
            }
            try {
                store.apply(new WriteBatch().put(StorageRecords.VOLUMES, key, found.get().version(),
                        found.get().value().withAttachments(attachments)));
                return;
            } catch (VersionConflictException changedMeanwhile) {
                // read again and settle on the newer record
            }
        }
        LOG.warning("could not settle the attachment of " + key.id() + " to " + instanceId + " after 5 attempts");
    }

    private Versioned<Volume> require(RequestContext context, String volumeId) {
        if (volumeId == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter volumeId");
        }
        ResourceIds.requireWellFormed(IdKind.VOLUME, List.of(volumeId));
        return store.get(StorageRecords.VOLUMES, key(context, volumeId)).orElseThrow(() -> notFound(List.of(volumeId)));
    }

    private VolumeHosts.Host host(RequestContext context, String instanceId) {
        if (instanceId == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter instanceId");
        }
        ResourceIds.requireWellFormed(IdKind.INSTANCE, List.of(instanceId));
        return hosts.find(context, instanceId)
                .orElseThrow(() -> ResourceIds.notFound(IdKind.INSTANCE, List.of(instanceId)));
    }

    private static List<VolumeAttachment> replace(List<VolumeAttachment> all, VolumeAttachment old,
                                                  VolumeAttachment replacement) {
        return all.stream().map(attachment -> attachment == old ? replacement : attachment).toList();
    }

    private static List<String> attachments(Volume volume,
                                            java.util.function.Function<VolumeAttachment, String> value) {
        return volume.attachments().stream().map(value).toList();
    }

    /** How many modifications EBS allows one volume in a rolling day. */
    static final int MODIFICATIONS_PER_DAY = 4;

    /**
     * ModifyVolume: a new size (never smaller), type, IOPS, throughput or Multi-Attach, each held to the
     * target type's rules. The volume takes its new shape and its bytes grow at once; the modification then
     * optimizes for a while (see {@link VolumeModification}).
     */
    public VolumeModification modify(RequestContext context, String volumeId, Integer size, String type, Integer iops,
                                     Integer throughput, Boolean multiAttach) {
        Versioned<Volume> found = require(context, volumeId);
        Volume volume = found.value();
        if (size == null && type == null && iops == null && throughput == null && multiAttach == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid input: Must specify at least one of size, type,"
                    + " iops, throughput or multiAttachEnabled");
        }
        if (volume.state() != VolumeState.AVAILABLE && volume.state() != VolumeState.IN_USE) {
            throw Ec2Error.INCORRECT_STATE.exception("The volume '" + volumeId + "' is in the '"
                    + volume.state().wireName() + "' state.");
        }
        Optional<Versioned<VolumeModification>> previous = store.get(StorageRecords.MODIFICATIONS, found.key());
        Instant now = context.now();
        previous.map(Versioned::value).filter(modification -> !"completed".equals(modification.state(now)))
                .ifPresent(modification -> {
                    throw Ec2Error.INCORRECT_MODIFICATION_STATE.exception("Volume " + volumeId + " cannot be modified"
                            + " in modification state " + modification.state(now).toUpperCase(java.util.Locale.ROOT));
                });
        List<Instant> recent = new ArrayList<>(previous.map(p -> p.value().recentStarts()).orElse(List.of()));
        recent.removeIf(start -> start.isBefore(now.minus(java.time.Duration.ofDays(1))));
        if (recent.size() >= MODIFICATIONS_PER_DAY) {
            throw Ec2Error.VOLUME_MODIFICATION_RATE_EXCEEDED.exception("You've reached the maximum modification rate"
                    + " per volume limit of " + MODIFICATIONS_PER_DAY + " in 24 hours.");
        }
        int newSize = size == null ? volume.sizeGiB() : size;
        if (newSize < volume.sizeGiB()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("New size cannot be smaller than existing size");
        }
        VolumeType newType = type == null ? volume.type() : VolumeType.fromWireName(type);
        newType.requireSize(newSize);
        boolean sameType = newType == volume.type();
        Integer newIops = newType.iops(newSize, iops != null ? iops
                : sameType && newType.provisionsIops() ? volume.iops()
                : newType.provisionsIops() && !newType.equals(VolumeType.GP3) ? Integer.valueOf(3_000) : null);
        Integer newThroughput = newType.throughput(newIops == null ? 0 : newIops,
                throughput != null ? throughput : sameType ? volume.throughput() : null);
        boolean newMultiAttach = multiAttach == null ? volume.multiAttachEnabled() && newType.multiAttachable()
                : multiAttach;
        if (newMultiAttach && !newType.multiAttachable()) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Multi-Attach is supported for io1 and io2 volumes"
                    + " only, not for " + newType.wireName() + " volumes.");
        }
        recent.add(now);
        VolumeModification modification = new VolumeModification(volumeId, now, false, volume.sizeGiB(), volume.type(),
                volume.iops(), volume.throughput(), volume.multiAttachEnabled(), newSize, newType, newIops,
                newThroughput, newMultiAttach, recent);
        Writes.commit(store, context, new WriteBatch()
                .put(StorageRecords.VOLUMES, found.key(), found.version(), volume.reshaped(newSize, newType, newIops,
                        newThroughput, newMultiAttach))
                .put(StorageRecords.MODIFICATIONS, found.key(), previous.map(Versioned::version).orElse(WriteBatch.ABSENT),
                        modification), () -> growBytes(volume, newSize, found.key()));
        return modification;
    }

    /** DescribeVolumesModifications: the latest modification of the named volumes, or of every volume. */
    public List<VolumeModification> modifications(RequestContext context, List<String> volumeIds) {
        ResourceIds.requireWellFormed(IdKind.VOLUME, volumeIds);
        List<VolumeModification> found = new ArrayList<>();
        if (volumeIds.isEmpty()) {
            store.list(StorageRecords.MODIFICATIONS, context.account(), context.region())
                    .forEach(versioned -> found.add(versioned.value()));
        } else {
            for (String id : volumeIds) {
                require(context, id);
                store.get(StorageRecords.MODIFICATIONS, key(context, id)).ifPresent(m -> found.add(m.value()));
            }
        }
        return found.stream().sorted(Comparator.comparing(VolumeModification::volumeId)).toList();
    }

    /** The new bytes of a grown volume; the modification then optimizes. */
    private void growBytes(Volume volume, int newSize, RecordKey key) {
        try {
            blocks.grow(volume.ownerId(), volume.region(), volume.id(), (long) newSize << 30);
        } catch (IOException e) {
            LOG.warning("volume " + volume.id() + " could not grow to " + newSize + " GiB yet: " + e.getMessage());
            return;
        }
        store.get(StorageRecords.MODIFICATIONS, key).ifPresent(current -> store.apply(new WriteBatch()
                .put(StorageRecords.MODIFICATIONS, key, current.version(), current.value().asApplied())));
    }

    /** For the admin reset, before the store is wiped: frees every volume's bytes. */
    public void discardAll() {
        for (Versioned<Volume> versioned : store.listAll(StorageRecords.VOLUMES)) {
            Volume volume = versioned.value();
            try {
                blocks.delete(volume.ownerId(), volume.region(), volume.id());
            } catch (IOException e) {
                LOG.warning("volume " + volume.id() + " could not free its bytes: " + e.getMessage());
            }
        }
    }

    /** After a restart: finishes creations and deletions a crash interrupted. */
    public void reconcile() {
        for (Versioned<Volume> versioned : store.listAll(StorageRecords.VOLUMES)) {
            switch (versioned.value().state()) {
                case CREATING -> finishCreating(versioned.value());
                case DELETING -> finishDeleting(versioned.value());
                case AVAILABLE, IN_USE, DELETED, ERROR -> {
                    // settled
                }
            }
        }
    }

    private void finishCreating(Volume volume) {
        VolumeState settled;
        try {
            blocks.create(volume.ownerId(), volume.region(), volume.id(), volume.sizeBytes());
            settled = VolumeState.AVAILABLE;
        } catch (IOException e) {
            LOG.warning("volume " + volume.id() + " could not get its " + volume.sizeGiB() + " GiB: " + e.getMessage());
            settled = VolumeState.ERROR;
        }
        RecordKey key = new RecordKey(volume.ownerId(), volume.region(), volume.id());
        VolumeState state = settled;
        store.get(StorageRecords.VOLUMES, key).filter(current -> current.value().state() == VolumeState.CREATING)
                .ifPresent(current -> store.apply(new WriteBatch().put(StorageRecords.VOLUMES, key, current.version(),
                        current.value().withState(state))));
    }

    private void finishDeleting(Volume volume) {
        try {
            blocks.delete(volume.ownerId(), volume.region(), volume.id());
        } catch (IOException e) {
            LOG.warning("volume " + volume.id() + " could not free its bytes yet: " + e.getMessage());
            return;
        }
        RecordKey key = new RecordKey(volume.ownerId(), volume.region(), volume.id());
        store.get(StorageRecords.VOLUMES, key).ifPresent(current -> store.apply(
                new WriteBatch().delete(StorageRecords.VOLUMES, key, current.version())));
    }

    private Zone zone(RequestContext context, String zoneName, String zoneId) {
        if (zoneName == null && zoneId == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter AvailabilityZone");
        }
        return regions.find(context.region()).orElseThrow().availabilityZones().stream()
                .filter(zone -> zone.name().equals(zoneName) || zone.id().equals(zoneId))
                .findFirst()
                .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid availability zone: ["
                        + (zoneName != null ? zoneName : zoneId) + "]"));
    }

    /** The account's default EBS key in the region, as its ARN (the alias is alias/aws/ebs). */
    static String defaultKey(RequestContext context) {
        UUID key = UUID.nameUUIDFromBytes((context.account() + "/" + context.region() + "/alias/aws/ebs")
                .getBytes(StandardCharsets.UTF_8));
        return "arn:aws:kms:" + context.region() + ":" + context.account() + ":key/" + key;
    }

    private static RuntimeException notFound(List<String> ids) {
        return Ec2Error.VOLUME_ID_NOT_FOUND.exception(ids.size() == 1 ? "The volume '" + ids.get(0)
                + "' does not exist." : "The volumes '" + String.join(", ", ids) + "' do not exist.");
    }

    private static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }
}
