package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.runtime.AttachedDisk;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.store.DerivedIndex;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * AttachVolume and DetachVolume, and what a terminated instance does to its volumes. An attachment is
 * {@code attaching} in the answer and {@code attached} right after; a detachment {@code detaching}, then gone.
 */
public final class VolumeAttachments {
    /** A device name EBS accepts on a Linux instance: /dev/sd[a-z] or /dev/xvd[a-z], one or two letters. */
    private static final java.util.regex.Pattern DEVICE = java.util.regex.Pattern.compile("/dev/(sd|xvd)[a-z]{1,2}");
    /** What a Windows instance's volumes may also be called: {@code xvdf} and the like, without /dev/. */
    private static final java.util.regex.Pattern WINDOWS_DEVICE = java.util.regex.Pattern.compile("xvd[b-z][a-z]?");
    /** How many instances one io1 or io2 volume may attach to at once. */
    static final int MAX_MULTI_ATTACH = 16;
    private static final Logger LOG = Logger.getLogger(VolumeAttachments.class.getName());

    private final Store store;
    private final VolumeHosts hosts;
    private final VolumeLedger ledger;
    /** The volumes attached to each instance, found without walking the region's volumes. */
    private final DerivedIndex<Volume> byInstance;
    /** What plugs volumes into running instances; null until the runtime exists (then nothing runs yet). */
    private volatile InstanceRuntime runtime;

    public VolumeAttachments(FollowedStore store, VolumeHosts hosts, VolumeLedger ledger) {
        this.store = store;
        this.hosts = hosts;
        this.ledger = ledger;
        this.byInstance = store.follow(new DerivedIndex<>(store, StorageRecords.VOLUMES, Volume::attachedInstanceIds));
    }

    /** The runtime is made after this class, so it is told afterwards. */
    public void useRuntime(InstanceRuntime instances) {
        this.runtime = instances;
    }

    /**
     * AttachVolume: the volume must be available (or a Multi-Attach volume with room), in the instance's zone,
     * at a free, valid device name. The attachment is {@code attaching} in the answer and {@code attached}
     * right after.
     */
    public VolumeAttachment attach(RequestContext context, String volumeId, String instanceId, String device) {
        Versioned<Volume> found = Volumes.require(store, context, volumeId);
        Volume volume = found.value();
        VolumeHosts.Host host = host(context, instanceId);
        if (device == null || !(DEVICE.matcher(device).matches()
                || host.windows() && WINDOWS_DEVICE.matcher(device).matches())) {
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
        boolean deviceTaken = attachedToAny(context.account(), context.region(), List.of(instanceId)).stream()
                .flatMap(other -> other.value().attachments().stream())
                .anyMatch(other -> other.instanceId().equals(instanceId) && other.device().equals(device));
        if (deviceTaken) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value '" + device + "' for unixDevice. Attachment"
                    + " point " + device + " is already in use");
        }
        VolumeAttachment attaching = new VolumeAttachment(instanceId, device, "attaching", context.now(), false);
        List<VolumeAttachment> attachments = new ArrayList<>(volume.attachments());
        attachments.add(attaching);
        Writes.commit(store, context, new WriteBatch().put(StorageRecords.VOLUMES, found.key(), found.version(),
                volume.withAttachments(attachments)), () -> {
                    settleAttachment(found.key(), instanceId, "attached");
                    InstanceRuntime instances = runtime;
                    if (instances != null && !device.equals(host.rootDeviceName())) {
                        instances.attachVolume(new InstanceRef(context.account(), context.region(), instanceId),
                                disk(context, volume, device));
                    }
                });
        return attaching;
    }

    /**
     * DetachVolume: from the named instance (required when the volume is attached to several), answered
     * {@code detaching}; the volume is available once its last attachment is gone.
     */
    public VolumeAttachment detach(RequestContext context, String volumeId, String instanceId, String device) {
        return detach(context, volumeId, instanceId, device, false);
    }

    /**
     * DetachVolume with its Force flag. A running instance that still uses the volume keeps it: the attachment
     * turns {@code busy} and goes once the instance lets go, is stopped, or a forced detach comes.
     */
    public VolumeAttachment detach(RequestContext context, String volumeId, String instanceId, String device,
                                   boolean force) {
        Versioned<Volume> found = Volumes.require(store, context, volumeId);
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
                        + " is not attached" + (instanceId == null ? "" : " to instance " + instanceId)
                        + (device == null ? "" : " as device " + device)));
        if (attachment.device().equals(hosts.find(context, attachment.instanceId())
                .filter(host -> !"stopped".equals(host.state())).map(VolumeHosts.Host::rootDeviceName).orElse(null))) {
            throw Ec2Error.OPERATION_NOT_PERMITTED.exception("The root volume of instance " + attachment.instanceId()
                    + " cannot be detached while it runs; stop the instance first.");
        }
        VolumeAttachment detaching = attachment.withState("detaching");
        Writes.commit(store, context, new WriteBatch().put(StorageRecords.VOLUMES, found.key(), found.version(),
                volume.withAttachments(replace(volume.attachments(), attachment, detaching))),
                () -> unplug(context, found.key(), volume, attachment, force));
        return detaching;
    }

    /**
     * ModifyInstanceAttribute's BlockDeviceMappings: whether each named device's volume is deleted when the
     * instance terminates. Every device must hold a volume of the instance; all change in one batch.
     */
    public void deleteOnTermination(RequestContext context, String instanceId, java.util.Map<String, Boolean> byDevice) {
        host(context, instanceId);
        java.util.Map<String, Boolean> left = new java.util.LinkedHashMap<>(byDevice);
        WriteBatch batch = new WriteBatch();
        for (Versioned<Volume> versioned : attachedToAny(context.account(), context.region(), List.of(instanceId))) {
            Volume volume = versioned.value();
            List<VolumeAttachment> changed = volume.attachments().stream()
                    .map(attachment -> attachment.instanceId().equals(instanceId) && left.containsKey(attachment.device())
                            ? attachment.withDeleteOnTermination(left.remove(attachment.device())) : attachment)
                    .toList();
            if (!changed.equals(volume.attachments())) {
                batch.put(StorageRecords.VOLUMES, versioned.key(), versioned.version(), volume.withAttachments(changed));
            }
        }
        if (!left.isEmpty()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("No EBS volume is attached to instance " + instanceId
                    + " at " + String.join(", ", left.keySet()) + ".");
        }
        Writes.commit(store, context, batch);
    }

    /** The volumes attached to one instance, with the attachment to it. */
    public List<Map.Entry<Volume, VolumeAttachment>> volumesOf(String account, String region, String instanceId) {
        List<Map.Entry<Volume, VolumeAttachment>> attached = new ArrayList<>();
        for (Versioned<Volume> versioned : attachedToAny(account, region, List.of(instanceId))) {
            versioned.value().attachments().stream().filter(attachment -> attachment.instanceId().equals(instanceId))
                    .findFirst().ifPresent(attachment -> attached.add(Map.entry(versioned.value(), attachment)));
        }
        return attached;
    }

    /** The volumes attached to these instances. */
    public AttachedVolumes attachedTo(RequestContext context, java.util.Set<String> instanceIds) {
        List<Volume> volumes = new ArrayList<>(instanceIds.size());
        byInstance.records(context.account(), context.region(), instanceIds).forEach(found -> volumes.add(found.value()));
        return new AttachedVolumes(volumes, instanceIds);
    }

    /**
     * CreateSnapshots' volumes: those attached to the instance, without its boot volume when excluded and
     * without the data volumes named for exclusion.
     */
    public SnapshotService.InstanceVolumes attachedTo(RequestContext context, String instanceId,
                                                      boolean excludeBootVolume, List<String> excludeDataVolumeIds) {
        VolumeHosts.Host host = host(context, instanceId);
        ResourceIds.requireWellFormed(IdKind.VOLUME, excludeDataVolumeIds);
        List<Volume> volumes = new ArrayList<>();
        for (Versioned<Volume> versioned : attachedToAny(context.account(), context.region(), List.of(instanceId))) {
            Volume volume = versioned.value();
            volume.attachments().stream().filter(attachment -> attachment.instanceId().equals(instanceId)).findFirst()
                    .ifPresent(attachment -> {
                        boolean boot = attachment.device().equals(host.rootDeviceName());
                        if (boot ? !excludeBootVolume : !excludeDataVolumeIds.contains(volume.id())) {
                            volumes.add(volume);
                        }
                    });
        }
        return new SnapshotService.InstanceVolumes(instanceId, volumes);
    }

    /**
     * Terminated instances let go of their volumes, in the batch that terminates them: a volume attached
     * with DeleteOnTermination (a launch's volumes by default) is marked deleting, any other is detached.
     *
     * @return the volumes marked deleting, whose bytes go once the batch is durable
     */
    public List<Volume> instancesTerminated(WriteBatch batch, String account, String region,
                                            java.util.Set<String> instanceIds, java.time.Instant at) {
        List<Volume> deleting = new ArrayList<>();
        for (Versioned<Volume> versioned : attachedToAny(account, region, instanceIds)) {
            Volume volume = versioned.value();
            List<VolumeAttachment> kept = new ArrayList<>();
            boolean delete = false;
            for (VolumeAttachment attachment : volume.attachments()) {
                if (!instanceIds.contains(attachment.instanceId())) {
                    kept.add(attachment);
                } else {
                    delete |= attachment.deleteOnTermination();
                }
            }
            if (kept.size() == volume.attachments().size()) {
                continue;
            }
            Volume after = volume.withAttachments(kept);
            if (delete && kept.isEmpty()) {
                after = after.withState(VolumeState.DELETING);
                deleting.add(after);
                ledger.released(batch, volume, at);
            }
            batch.put(StorageRecords.VOLUMES, versioned.key(), versioned.version(), after);
        }
        return deleting;
    }

    /** The volumes with an attachment to any of the instances, each once, in id order. */
    private List<Versioned<Volume>> attachedToAny(String account, String region, java.util.Collection<String> instanceIds) {
        List<Versioned<Volume>> volumes = new ArrayList<>(byInstance.records(account, region, instanceIds));
        volumes.sort(java.util.Comparator.comparing(versioned -> versioned.key().id()));
        return volumes;
    }

    /** Takes the volume out of the instance (when it runs) and then drops the attachment. */
    private void unplug(RequestContext context, RecordKey key, Volume volume, VolumeAttachment attachment,
                        boolean force) {
        InstanceRuntime instances = runtime;
        if (instances == null) {
            settleAttachment(key, attachment.instanceId(), null);
            return;
        }
        instances.detachVolume(new InstanceRef(context.account(), context.region(), attachment.instanceId()),
                        disk(context, volume, attachment.device()), force,
                        () -> settleAttachment(key, attachment.instanceId(), "busy"))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.warning("detaching " + volume.id() + " from " + attachment.instanceId() + ": "
                                + failure.getMessage());
                    }
                    settleAttachment(key, attachment.instanceId(), null);
                });
    }

    private static AttachedDisk disk(RequestContext context, Volume volume, String device) {
        return new AttachedDisk(device, Disk.volume(context.account(), context.region(), volume.id()),
                volume.sizeBytes());
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
}
