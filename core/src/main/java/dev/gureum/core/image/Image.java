package dev.gureum.core.image;

import dev.gureum.core.share.Permissions;
import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An Amazon Machine Image: a public catalog image (owned by a publisher, {@code ownerAlias} "amazon") or
 * an account's own image. The state is never stored: an image is pending until {@code availableAt} on
 * the cloud clock and available from then on, so no scheduler has to move it. {@code rootFilesystem}
 * names the distribution release the sandbox runtime builds a root filesystem for (e.g. "debian-12");
 * null when Gureum knows none (a registered snapshot).
 */
public record Image(
        String id,
        String region,
        String ownerId,
        String ownerAlias,
        String name,
        String description,
        String architecture,
        String platform,
        String platformDetails,
        String usageOperation,
        String rootDeviceName,
        String rootDeviceType,
        String virtualizationType,
        boolean enaSupport,
        String sriovNetSupport,
        String bootMode,
        String imdsSupport,
        String tpmSupport,
        String kernelId,
        String ramdiskId,
        List<BlockDevice> blockDevices,
        Instant creationDate,
        Instant availableAt,
        Instant deprecationTime,
        boolean isPublic,
        List<String> launchUserIds,
        List<Tag> tags,
        String rootFilesystem,
        String sourceInstanceId,
        String sourceImageId,
        String sourceImageRegion,
        boolean noReboot,
        String clientToken) {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public Image {
        blockDevices = blockDevices == null ? List.of() : List.copyOf(blockDevices);
        launchUserIds = launchUserIds == null ? List.of() : List.copyOf(launchUserIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** EC2's timestamp text (millisecond precision, UTC), as DescribeImages prints and filters match it. */
    public static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    public ImageState state(Instant now) {
        return now.isBefore(availableAt) ? ImageState.PENDING : ImageState.AVAILABLE;
    }

    public boolean isDeprecated(Instant now) {
        return deprecationTime != null && !now.isBefore(deprecationTime);
    }

    public boolean isOwnedBy(String account) {
        return ownerId.equals(account);
    }

    /** {@code <owner alias or id>/<name>}, as EC2 reports the location of EBS-backed images. */
    public String imageLocation() {
        return (ownerAlias != null ? ownerAlias : ownerId) + "/" + name;
    }

    public Image withTags(List<Tag> newTags) {
        return new Image(id, region, ownerId, ownerAlias, name, description, architecture, platform, platformDetails,
                usageOperation, rootDeviceName, rootDeviceType, virtualizationType, enaSupport, sriovNetSupport,
                bootMode, imdsSupport, tpmSupport, kernelId, ramdiskId, blockDevices, creationDate, availableAt,
                deprecationTime, isPublic, launchUserIds, newTags, rootFilesystem, sourceInstanceId, sourceImageId,
                sourceImageRegion, noReboot, clientToken);
    }

    public Image withDescription(String newDescription) {
        return new Image(id, region, ownerId, ownerAlias, name, newDescription, architecture, platform,
                platformDetails, usageOperation, rootDeviceName, rootDeviceType, virtualizationType, enaSupport,
                sriovNetSupport, bootMode, imdsSupport, tpmSupport, kernelId, ramdiskId, blockDevices, creationDate,
                availableAt, deprecationTime, isPublic, launchUserIds, tags, rootFilesystem, sourceInstanceId,
                sourceImageId, sourceImageRegion, noReboot, clientToken);
    }

    public Image withImdsSupport(String newImdsSupport) {
        return new Image(id, region, ownerId, ownerAlias, name, description, architecture, platform, platformDetails,
                usageOperation, rootDeviceName, rootDeviceType, virtualizationType, enaSupport, sriovNetSupport,
                bootMode, newImdsSupport, tpmSupport, kernelId, ramdiskId, blockDevices, creationDate, availableAt,
                deprecationTime, isPublic, launchUserIds, tags, rootFilesystem, sourceInstanceId, sourceImageId,
                sourceImageRegion, noReboot, clientToken);
    }

    /** A copy deprecated from {@code at} on (null: not deprecated). */
    public Image withDeprecationTime(Instant at) {
        return new Image(id, region, ownerId, ownerAlias, name, description, architecture, platform, platformDetails,
                usageOperation, rootDeviceName, rootDeviceType, virtualizationType, enaSupport, sriovNetSupport,
                bootMode, imdsSupport, tpmSupport, kernelId, ramdiskId, blockDevices, creationDate, availableAt,
                at, isPublic, launchUserIds, tags, rootFilesystem, sourceInstanceId, sourceImageId,
                sourceImageRegion, noReboot, clientToken);
    }

    /** Who besides the owner may launch the image. */
    public Permissions launchPermissions() {
        return new Permissions(isPublic, launchUserIds);
    }

    public Image withLaunchPermissions(boolean newPublic, List<String> newLaunchUserIds) {
        return new Image(id, region, ownerId, ownerAlias, name, description, architecture, platform, platformDetails,
                usageOperation, rootDeviceName, rootDeviceType, virtualizationType, enaSupport, sriovNetSupport,
                bootMode, imdsSupport, tpmSupport, kernelId, ramdiskId, blockDevices, creationDate, availableAt,
                deprecationTime, newPublic, newLaunchUserIds, tags, rootFilesystem, sourceInstanceId, sourceImageId,
                sourceImageRegion, noReboot, clientToken);
    }
}
