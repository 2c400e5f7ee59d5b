package dev.gureum.core.image;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.storage.Snapshot;
import dev.gureum.core.storage.SnapshotDirectory;
import dev.gureum.core.storage.SnapshotService;
import dev.gureum.core.storage.VolumeType;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes an account's new images: RegisterImage (from snapshots, available at once), CreateImage (from
 * an instance) and CopyImage (from a visible image of any region), the latter two pending until their
 * build time has passed. Names must follow EC2's rule and be unique per owner and region.
 */
final class ImageBuilds {
    private static final List<String> ARCHITECTURES = List.of("i386", "x86_64", "arm64", "x86_64_mac", "arm64_mac");
    private static final List<String> VIRTUALIZATION_TYPES = List.of("hvm", "paravirtual");
    private static final List<String> BOOT_MODES = List.of("legacy-bios", "uefi", "uefi-preferred");
    private static final List<String> VOLUME_TYPES = List.of("standard", "io1", "io2", "gp2", "gp3", "sc1", "st1");

    private final Store store;
    private final ImageDirectory directory;
    private final SnapshotService snapshots;
    private final SnapshotDirectory snapshotDirectory;
    private volatile RootFilesystemCaptures captures;

    ImageBuilds(Store store, ImageDirectory directory, SnapshotService snapshots, SnapshotDirectory snapshotDirectory) {
        this.store = store;
        this.directory = directory;
        this.snapshots = snapshots;
        this.snapshotDirectory = snapshotDirectory;
    }

    Image register(RequestContext context, ImageRegistration registration) {
        ImageNames.requireValid(registration.name());
        String rootDevice = registration.rootDeviceName() == null ? "/dev/sda1" : registration.rootDeviceName();
        List<BlockDevice> devices = mappings(context, registration.blockDevices());
        boolean instanceStore = registration.imageLocation() != null;
        boolean rootFromSnapshot = devices.stream().anyMatch(device -> device.deviceName().equals(rootDevice)
                && device.isEbs() && device.snapshotId() != null);
        if (!rootFromSnapshot && !instanceStore) {
            throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("The root device " + rootDevice
                    + " must be mapped to an EBS snapshot in BlockDeviceMappings.");
        }
        List<Tag> tags = tags(registration.tags());
        requireNewName(context, registration.name());
        Image image = new Image(ResourceIds.next(IdKind.IMAGE), context.region(), context.account(), null,
                registration.name(), registration.description(),
                oneOf("Architecture", registration.architecture(), ARCHITECTURES, "i386"), null, "Linux/UNIX",
                "RunInstances", rootDevice, instanceStore ? "instance-store" : "ebs",
                oneOf("VirtualizationType", registration.virtualizationType(), VIRTUALIZATION_TYPES, "paravirtual"),
                Boolean.TRUE.equals(registration.enaSupport()),
                oneOf("SriovNetSupport", registration.sriovNetSupport(), List.of("simple"), null),
                oneOf("BootMode", registration.bootMode(), BOOT_MODES, null),
                oneOf("ImdsSupport", registration.imdsSupport(), List.of("v2.0"), null),
                oneOf("TpmSupport", registration.tpmSupport(), List.of("v2.0"), null),
                registration.kernelId(), registration.ramdiskId(), devices, context.now(), context.now(), null, false,
                List.of(), tags, null, null, null, null, false, null);
        save(context, image);
        return image;
    }

    void captureRootFilesystemsWith(RootFilesystemCaptures rootFilesystemCaptures) {
        this.captures = rootFilesystemCaptures;
    }

    /**
     * CreateImage. With a runtime that captures root filesystems the image's root filesystem is its own
     * (named after the image) and copied once the image is recorded; otherwise it shares the source image's.
     */
    Image create(RequestContext context, String instanceId, ImageSourceLookup instances, ImageCapture capture,
                 Instant availableAt) {
        ResourceIds.requireWellFormed(IdKind.INSTANCE, List.of(instanceId));
        ImageNames.requireValid(capture.name());
        ImageSource source = instances.find(context.account(), context.region(), instanceId)
                .orElseThrow(() -> ResourceIds.notFound(IdKind.INSTANCE, List.of(instanceId)));
        if (!source.ebsBacked()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("The instance '" + instanceId + "' does not have an 'ebs'"
                    + " root device type; CreateImage makes an EBS-backed AMI from an EBS-backed instance.");
        }
        if (!"running".equals(source.state()) && !"stopped".equals(source.state())) {
            throw Ec2Error.INCORRECT_INSTANCE_STATE.exception("The instance '" + instanceId
                    + "' is not in a state from which it can be imaged.");
        }
        List<Tag> tags = tags(capture.tags());
        List<Tag> snapshotTags = tags(capture.snapshotTags());
        requireNewName(context, capture.name());
        Optional<Image> origin = directory.findVisible(context.account(), context.region(), source.imageId());
        String imageId = ResourceIds.next(IdKind.IMAGE);
        RootFilesystemCaptures rootFilesystemCaptures = captures;
        List<BlockDevice> devices = captured(context, source, imageId, remap(context,
                source.volumes().stream().map(ImageSource.SourceVolume::device).toList(), capture.blockDevices()),
                snapshotTags);
        Image image = new Image(imageId, context.region(), context.account(), null,
                capture.name(), capture.description(), source.architecture(), source.platform(),
                source.platformDetails(), source.usageOperation(), source.rootDeviceName(), "ebs",
                origin.map(Image::virtualizationType).orElse("hvm"), origin.map(Image::enaSupport).orElse(true),
                origin.map(Image::sriovNetSupport).orElse("simple"), origin.map(Image::bootMode).orElse(null),
                origin.map(Image::imdsSupport).orElse(null), origin.map(Image::tpmSupport).orElse(null),
                origin.map(Image::kernelId).orElse(null), origin.map(Image::ramdiskId).orElse(null), devices,
                context.now(), availableAt, null, false, List.of(), tags,
                rootFilesystemCaptures == null ? origin.map(Image::rootFilesystem).orElse(null) : imageId, instanceId,
                null, null, capture.noReboot(), null);
        save(context, image);
        if (rootFilesystemCaptures != null && !context.dryRun()) {
            rootFilesystemCaptures.capture(context.account(), context.region(), instanceId, imageId, capture.noReboot());
        }
        return image;
    }

    /**
     * An image of a root filesystem imported by the host's administrator ({@code gureum image import}),
     * available at once. {@code makeRootFilesystem} gets the new image's id, the name of its root filesystem,
     * and fails (nothing recorded) when the tree cannot be one. Its root device is an empty 8 GiB gp3 mapping
     * without a snapshot: its bytes are the imported tree, not a block device.
     */
    Image imported(RequestContext context, String name, String description, String architecture,
                   java.util.function.Consumer<String> makeRootFilesystem) {
        ImageNames.requireValid(name);
        requireNewName(context, name);
        String imageId = ResourceIds.next(IdKind.IMAGE);
        String checkedArchitecture = oneOf("Architecture", architecture, ARCHITECTURES, "x86_64");
        makeRootFilesystem.accept(imageId);
        Image image = new Image(imageId, context.region(), context.account(), null, name, description,
                checkedArchitecture, null, "Linux/UNIX", "RunInstances", "/dev/xvda", "ebs", "hvm", true, "simple",
                null, null, null, null, null, List.of(BlockDevice.ebs("/dev/xvda", null, 8, "gp3", true, false, null,
                        null)), context.now(), context.now(), null, false, List.of(), List.of(), imageId, null, null,
                null, false, null);
        save(context, image);
        return image;
    }

    Image copy(RequestContext context, ImageCopy copy, Instant availableAt) {
        if (!directory.catalog().servesRegion(copy.sourceRegion())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid source region: " + copy.sourceRegion());
        }
        ImageDirectory.requireWellFormed(copy.sourceImageId());
        ImageNames.requireValid(copy.name());
        Optional<Image> earlier = earlierCopy(context, copy);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Image source = directory.findVisible(context.account(), copy.sourceRegion(), copy.sourceImageId())
                .orElseThrow(() -> ImageDirectory.notFound(List.of(copy.sourceImageId())));
        if (source.state(context.now()) == ImageState.PENDING) {
            throw Ec2Error.INVALID_AMI_ID_UNAVAILABLE.exception("The image id '[" + source.id()
                    + "]' is not available yet: it is still pending");
        }
        List<Tag> copiedTags = copy.copyImageTags() && source.isOwnedBy(context.account()) ? source.tags() : List.of();
        List<Tag> tags = TagRules.merge(copiedTags, tags(copy.tags()));
        requireNewName(context, copy.name());
        String imageId = ResourceIds.next(IdKind.IMAGE);
        Image image = new Image(imageId, context.region(), context.account(), null, copy.name(),
                copy.description() != null ? copy.description() : source.description(), source.architecture(),
                source.platform(), source.platformDetails(), source.usageOperation(), source.rootDeviceName(),
                source.rootDeviceType(), source.virtualizationType(), source.enaSupport(), source.sriovNetSupport(),
                source.bootMode(), source.imdsSupport(), source.tpmSupport(), source.kernelId(), source.ramdiskId(),
                copiedSnapshots(context, source, imageId, copy.encrypted(), tags(copy.snapshotTags())), context.now(), availableAt, null, false,
                List.of(),
                tags, source.rootFilesystem(), null, source.id(), copy.sourceRegion(), false, copy.clientToken());
        save(context, image);
        return image;
    }

    /** A retried CopyImage (same ClientToken) answers the image the first one made. */
    private Optional<Image> earlierCopy(RequestContext context, ImageCopy copy) {
        if (copy.clientToken() == null || copy.clientToken().isEmpty()) {
            return Optional.empty();
        }
        Optional<Image> earlier = directory.owned(context.account(), context.region()).stream()
                .filter(image -> copy.clientToken().equals(image.clientToken())).findFirst();
        if (earlier.isPresent() && !(copy.sourceImageId().equals(earlier.get().sourceImageId())
                && copy.sourceRegion().equals(earlier.get().sourceImageRegion())
                && copy.name().equals(earlier.get().name()))) {
            throw Ec2Error.IDEMPOTENT_PARAMETER_MISMATCH.exception("The client token '" + copy.clientToken()
                    + "' was already used with different parameters.");
        }
        return earlier;
    }

    private void requireNewName(RequestContext context, String name) {
        store.get(ImageRecords.NAMES, ImageRecords.nameKey(context.account(), context.region(), name))
                .ifPresent(claim -> {
                    throw duplicate(name, claim.value().imageId());
                });
    }

    /** Saves a new image with its name claim; a request that lost a race for the name gets Duplicate. */
    private void save(RequestContext context, Image image) {
        RecordKey nameKey = ImageRecords.nameKey(image.ownerId(), image.region(), image.name());
        WriteBatch batch = new WriteBatch()
                .put(ImageRecords.IMAGES, new RecordKey(image.ownerId(), image.region(), image.id()), WriteBatch.ABSENT,
                        image)
                .put(ImageRecords.NAMES, nameKey, WriteBatch.ABSENT, new ImageNameClaim(image.id()));
        try {
            Writes.commit(store, context, batch);
        } catch (VersionConflictException e) {
            throw duplicate(image.name(), store.get(ImageRecords.NAMES, nameKey)
                    .map(claim -> claim.value().imageId()).orElseThrow(() -> e));
        }
    }

    private static RuntimeException duplicate(String name, String imageId) {
        return Ec2Error.INVALID_AMI_NAME_DUPLICATE.exception("AMI name " + name + " is already in use by AMI "
                + imageId);
    }

    /** RegisterImage's mappings with EC2's defaults: a snapshot's size, gp2, deleted on termination. */
    private List<BlockDevice> mappings(RequestContext context, List<BlockDevice> requested) {
        List<BlockDevice> devices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (BlockDevice device : requested) {
            if (device.deviceName() == null || !names.add(device.deviceName())) {
                throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("Each block device mapping needs a device "
                        + "name, used once: " + device.deviceName());
            }
            devices.add(device.isEbs() ? ebsWithDefaults(context, device) : device);
        }
        return devices;
    }

    private BlockDevice ebsWithDefaults(RequestContext context, BlockDevice device) {
        Integer snapshotSize = null;
        if (device.snapshotId() != null) {
            snapshotSize = snapshotDirectory.requireVisible(context.account(), context.region(), device.snapshotId())
                    .volumeSizeGiB();
            if (device.volumeSize() != null && device.volumeSize() < snapshotSize) {
                throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("Volume of size " + device.volumeSize()
                        + "GB is smaller than  snapshot '" + device.snapshotId() + "', expect size >= " + snapshotSize
                        + "GB");
            }
        } else if (device.volumeSize() == null) {
            throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("The EBS mapping of " + device.deviceName()
                    + " needs a SnapshotId or a VolumeSize.");
        }
        int size = device.volumeSize() != null ? device.volumeSize() : snapshotSize;
        String volumeType = oneOf("VolumeType", device.volumeType(), VOLUME_TYPES, "gp2");
        // held to the volume type's limits now, as EC2 does, not first when an instance is launched from it
        VolumeType type = VolumeType.fromWireName(volumeType);
        type.requireSize(size);
        Integer iops = type.iops(size, device.iops());
        type.throughput(iops == null ? 0 : iops, device.throughput());
        return BlockDevice.ebs(device.deviceName(), device.snapshotId(), size, volumeType,
                !Boolean.FALSE.equals(device.deleteOnTermination()), Boolean.TRUE.equals(device.encrypted()),
                device.iops(), device.throughput());
    }

    /**
     * CreateImage's snapshots: every kept device that is one of the instance's volumes is snapshotted now
     * (a point-in-time copy of its bytes), with {@code snapshotTags}; devices the request added keep their own
     * mapping.
     */
    private List<BlockDevice> captured(RequestContext context, ImageSource source, String imageId,
                                       List<BlockDevice> devices, List<Tag> snapshotTags) {
        java.util.Map<String, String> volumeByDevice = new java.util.HashMap<>();
        source.volumes().forEach(volume -> volumeByDevice.put(volume.device().deviceName(), volume.volumeId()));
        List<BlockDevice> captured = new ArrayList<>(devices.size());
        for (BlockDevice device : devices) {
            String volumeId = device.isEbs() && device.snapshotId() == null ? volumeByDevice.get(device.deviceName())
                    : null;
            captured.add(volumeId == null ? device : device.withSnapshot(snapshots.create(context, volumeId,
                    "Created by CreateImage(" + source.instanceId() + ") for " + imageId, snapshotTags).id(), false));
        }
        return captured;
    }

    /** CopyImage's snapshots: a copy of each snapshot behind the source image, owned by the caller, with {@code tags}. */
    private List<BlockDevice> copiedSnapshots(RequestContext context, Image source, String imageId, boolean encrypted,
                                              List<Tag> tags) {
        List<BlockDevice> copied = new ArrayList<>(source.blockDevices().size());
        for (BlockDevice device : source.blockDevices()) {
            if (!device.isEbs() || device.snapshotId() == null) {
                copied.add(device);
                continue;
            }
            Snapshot original = snapshotDirectory.findVisible(source.ownerId(), source.region(), device.snapshotId())
                    .orElseThrow(() -> Ec2Error.INVALID_AMI_ID_UNAVAILABLE.exception("The image id '[" + source.id()
                            + "]' cannot be copied: its snapshot " + device.snapshotId() + " is gone"));
            Snapshot copy = snapshots.copyForImage(context, original, encrypted, "Copied for DestinationAmi " + imageId
                    + " from SourceAmi " + source.id() + " for SourceSnapshot " + original.id(), tags);
            copied.add(device.withSnapshot(copy.id(), encrypted));
        }
        return copied;
    }

    /**
     * CreateImage's mapping changes: NoDevice leaves a device out, an existing EBS device may change only
     * DeleteOnTermination (EC2 refuses a size change), anything else is a new device.
     */
    private List<BlockDevice> remap(RequestContext context, List<BlockDevice> devices, List<BlockDevice> changes) {
        List<BlockDevice> result = new ArrayList<>(devices);
        for (BlockDevice change : changes) {
            int existing = -1;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).deviceName().equals(change.deviceName())) {
                    existing = i;
                }
            }
            if (existing < 0) {
                result.add(change.isEbs() ? ebsWithDefaults(context, change) : change);
            } else if (change.noDevice()) {
                result.remove(existing);
            } else {
                result.set(existing, onlyDeleteOnTermination(result.get(existing), change));
            }
        }
        return result;
    }

    private static BlockDevice onlyDeleteOnTermination(BlockDevice current, BlockDevice change) {
        if (!current.isEbs() || !change.isEbs() || change.volumeSize() != null && !change.volumeSize().equals(current.volumeSize())
                || change.snapshotId() != null || change.volumeType() != null || change.encrypted() != null) {
            throw Ec2Error.INVALID_BLOCK_DEVICE_MAPPING.exception("CreateImage can change only DeleteOnTermination "
                    + "of the instance's device " + change.deviceName() + ".");
        }
        return new BlockDevice(current.deviceName(), current.snapshotId(), current.volumeSize(), current.volumeType(),
                change.deleteOnTermination() != null ? change.deleteOnTermination() : current.deleteOnTermination(),
                current.encrypted(), current.iops(), current.throughput(), null, false);
    }

    private static List<Tag> tags(List<Tag> tags) {
        TagRules.validate(tags);
        return TagRules.merge(List.of(), tags);
    }

    private static String oneOf(String parameter, String value, List<String> allowed, String otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + value + ") for parameter " + parameter
                    + " is invalid. Valid values: " + String.join(", ", allowed) + ".");
        }
        return value;
    }
}
