package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.image.BlockDevice;
import dev.gureum.core.storage.InstanceStoreDisks;
import dev.gureum.core.storage.Snapshot;
import dev.gureum.core.storage.SnapshotDirectory;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeAttachment;
import dev.gureum.core.storage.VolumeBytes;
import dev.gureum.core.storage.VolumeKeys;
import dev.gureum.core.storage.VolumeService;
import dev.gureum.core.storage.VolumeState;
import dev.gureum.core.storage.VolumeType;
import dev.gureum.core.store.WriteBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The EBS volumes RunInstances makes for each instance: the image's EBS mappings (its root volume from the
 * image's snapshot first), changed or suppressed by the request's BlockDeviceMappings, plus the request's
 * new EBS devices. Each is held to its type's rules; a volume from a snapshot is never smaller than it.
 * Instance-store mappings (VirtualName) make no volume: instance storage comes with the type.
 */
public final class LaunchVolumes {
    private static final Pattern DEVICE = Pattern.compile("(/dev/)?(sd|xvd)[a-z]{1,2}[0-9]{0,2}");

    private final SnapshotDirectory snapshots;
    private final VolumeService volumes;
    private final VolumeBytes bytes;
    private final InstanceStoreDisks instanceStore;

    public LaunchVolumes(SnapshotDirectory snapshots, VolumeService volumes, VolumeBytes bytes,
                         InstanceStoreDisks instanceStore) {
        this.snapshots = snapshots;
        this.volumes = volumes;
        this.bytes = bytes;
        this.instanceStore = instanceStore;
    }

    /** Empty instance-store disks for launched instances whose type has instance storage. */
    void prepareInstanceStore(List<Instance> launched, LaunchCatalog.TypeFacts type) {
        if (type.instanceStore() != null) {
            launched.forEach(instance -> instanceStore.prepare(instance.ownerId(), instance.region(), instance.id(),
                    type.instanceStore().disks(), type.instanceStore().diskSizeGigabytes()));
        }
    }

    /** Records a launched instance's volume in the launch's batch (and starts metering it). */
    void record(WriteBatch batch, RequestContext context, Volume volume) {
        volumes.recordProvisioned(batch, context, volume);
    }

    /** Makes the volumes' bytes before they are recorded; refuses the launch when the disk cannot hold them. */
    void makeBytes(List<Volume> volumes) {
        bytes.makeBytesBeforeRecording(volumes);
    }

    /** Frees the bytes of volumes a launch made but did not record. */
    void discard(List<Volume> volumes) {
        bytes.freeBytes(volumes);
    }

    /** One volume every instance of the launch gets. */
    record Planned(String device, String snapshotId, int sizeGiB, VolumeType type, Integer iops, Integer throughput,
                   boolean encrypted, String kmsKeyId, boolean deleteOnTermination) {
    }

    /** The launch's volumes, validated once for all its instances. */
    List<Planned> plan(RequestContext context, LaunchCatalog.ImageFacts image, List<BlockDevice> requested) {
        Map<String, BlockDevice> devices = new LinkedHashMap<>();
        image.blockDevices().stream().filter(BlockDevice::isEbs)
                .forEach(device -> devices.put(device.deviceName(), device));
        Map<String, BlockDevice> changes = new LinkedHashMap<>();
        for (BlockDevice change : requested) {
            String name = change.deviceName();
            if (name == null || name.isEmpty()) {
                throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("Missing device name");
            }
            if (!DEVICE.matcher(name).matches()) {
                throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("Invalid device name " + name);
            }
            if (changes.put(name, change) != null) {
                throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("The device '" + name
                        + "' is used in more than one block-device mapping");
            }
        }
        changes.forEach((name, change) -> {
            if (change.noDevice() || change.virtualName() != null) {
                if (name.equals(image.rootDeviceName()) && devices.containsKey(name)) {
                    throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("The root device " + name
                            + " cannot be left out or replaced by an instance-store volume.");
                }
                devices.remove(name);
            } else {
                devices.put(name, merged(devices.get(name), change));
            }
        });
        List<Planned> plan = new ArrayList<>();
        for (BlockDevice device : devices.values()) {
            plan.add(planned(context, device, device.deviceName().equals(image.rootDeviceName())));
        }
        return plan;
    }

    /** The volumes of one instance, attached to it from the start at their devices. */
    List<Volume> volumes(RequestContext context, String zone, String instanceId, List<Planned> plan) {
        List<Volume> volumes = new ArrayList<>(plan.size());
        for (Planned planned : plan) {
            volumes.add(new Volume(ResourceIds.next(IdKind.VOLUME), context.account(), context.region(), zone,
                    planned.sizeGiB(), planned.type(), planned.iops(), planned.throughput(), planned.encrypted(),
                    planned.kmsKeyId(), planned.snapshotId(), false, context.now(), VolumeState.IN_USE,
                    List.of(new VolumeAttachment(instanceId, planned.device(), "attached", context.now(),
                            planned.deleteOnTermination())), List.of(), false));
        }
        return volumes;
    }

    /** An image device with the request's changes, or the request's new device. */
    private static BlockDevice merged(BlockDevice image, BlockDevice change) {
        if (image == null) {
            return change;
        }
        return new BlockDevice(image.deviceName(), change.snapshotId() != null ? change.snapshotId() : image.snapshotId(),
                change.volumeSize() != null ? change.volumeSize() : image.volumeSize(),
                change.volumeType() != null ? change.volumeType() : image.volumeType(),
                change.deleteOnTermination() != null ? change.deleteOnTermination() : image.deleteOnTermination(),
                Boolean.TRUE.equals(change.encrypted()) || Boolean.TRUE.equals(image.encrypted()),
                change.iops() != null ? change.iops() : change.volumeType() != null ? null : image.iops(),
                change.throughput() != null ? change.throughput() : change.volumeType() != null ? null : image.throughput(),
                null, false);
    }

    private Planned planned(RequestContext context, BlockDevice device, boolean root) {
        Snapshot snapshot = device.snapshotId() == null ? null
                : snapshots.requireVisible(context.account(), context.region(), device.snapshotId());
        if (snapshot == null && device.volumeSize() == null) {
            throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("The EBS mapping of " + device.deviceName()
                    + " needs a SnapshotId or a VolumeSize.");
        }
        int size = device.volumeSize() != null ? device.volumeSize() : snapshot.volumeSizeGiB();
        if (snapshot != null && size < snapshot.volumeSizeGiB()) {
            throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("Volume of size " + size + "GB is smaller than "
                    + " snapshot '" + snapshot.id() + "', expect size >= " + snapshot.volumeSizeGiB() + "GB");
        }
        VolumeType type = VolumeType.fromWireName(device.volumeType());
        if (root && !type.bootable()) {
            // EC2 keeps this odd wording for a non-bootable root volume type, for compatibility.
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("The parameter iops is not supported for "
                    + type.wireName() + " volumes");
        }
        type.requireSize(size);
        Integer iops = type.iops(size, device.iops());
        Integer throughput = type.throughput(iops == null ? 0 : iops, device.throughput());
        boolean encrypted = Boolean.TRUE.equals(device.encrypted()) || snapshot != null && snapshot.encrypted();
        String kmsKeyId = !encrypted ? null : snapshot != null && snapshot.encrypted() ? snapshot.kmsKeyId()
                : VolumeKeys.defaultKey(context);
        return new Planned(device.deviceName(), snapshot == null ? null : snapshot.id(), size, type, iops, throughput,
                encrypted, kmsKeyId, !Boolean.FALSE.equals(device.deleteOnTermination()));
    }
}
