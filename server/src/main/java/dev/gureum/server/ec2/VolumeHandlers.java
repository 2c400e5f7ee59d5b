package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.page.Page;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeAttachment;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.storage.VolumeAttributes;
import dev.gureum.core.storage.VolumeModification;
import dev.gureum.core.storage.VolumeModifications;
import dev.gureum.core.storage.VolumeService;
import dev.gureum.protocol.model.SameMembers;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVolumeAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumeAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeAttributeResponse;
import software.amazon.awssdk.services.ec2.model.AttachVolumeResponse;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumeStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumeStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.DetachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DetachVolumeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesModificationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesModificationsResponse;
import software.amazon.awssdk.services.ec2.model.EnableVolumeIoRequest;
import software.amazon.awssdk.services.ec2.model.EnableVolumeIoResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeResponse;
import software.amazon.awssdk.services.ec2.model.VolumeStatusDetails;
import software.amazon.awssdk.services.ec2.model.VolumeStatusInfo;
import software.amazon.awssdk.services.ec2.model.VolumeStatusItem;

/**
 * CreateVolume, DescribeVolumes, DescribeVolumeStatus, DeleteVolume, AttachVolume, DetachVolume,
 * ModifyVolume and DescribeVolumesModifications. A volume not made from a snapshot shows an empty SnapshotId.
 */
final class VolumeHandlers {
    private final VolumeService volumes;
    private final VolumeAttachments attachments;
    private final VolumeModifications modifications;
    private final VolumeAttributes attributes;

    VolumeHandlers(VolumeService volumes, VolumeAttachments attachments, VolumeModifications modifications,
                   VolumeAttributes attributes) {
        this.volumes = volumes;
        this.attachments = attachments;
        this.modifications = modifications;
        this.attributes = attributes;
    }

    void registerInto(OperationTable table) {
        table.register(CreateVolumeRequest.class, this::create);
        table.register(DescribeVolumesRequest.class, this::describe);
        table.register(DeleteVolumeRequest.class, this::delete);
        table.register(AttachVolumeRequest.class, this::attach);
        table.register(DetachVolumeRequest.class, this::detach);
        table.register(ModifyVolumeRequest.class, this::modify);
        table.register(DescribeVolumeStatusRequest.class, this::statuses);
        table.register(EnableVolumeIoRequest.class, (request, context) -> {
            volumes.enableIo(context, request.volumeId());
            return EnableVolumeIoResponse.builder().build();
        });
        table.register(DescribeVolumesModificationsRequest.class, this::modifications);
        table.register(DescribeVolumeAttributeRequest.class, this::describeAttribute);
        table.register(ModifyVolumeAttributeRequest.class, this::modifyAttribute);
    }

    DescribeVolumeAttributeResponse describeAttribute(DescribeVolumeAttributeRequest request, RequestContext context) {
        Volume volume = attributes.describe(context, request.volumeId(), request.attributeAsString());
        DescribeVolumeAttributeResponse.Builder response = DescribeVolumeAttributeResponse.builder().volumeId(volume.id());
        if ("autoEnableIO".equals(request.attributeAsString())) {
            response.autoEnableIO(AttributeBooleanValue.builder().value(volume.autoEnableIO()).build());
        } else {
            response.productCodes(List.of());
        }
        return response.build();
    }

    ModifyVolumeAttributeResponse modifyAttribute(ModifyVolumeAttributeRequest request, RequestContext context) {
        attributes.modifyAutoEnableIO(context, request.volumeId(),
                request.autoEnableIO() == null ? null : request.autoEnableIO().value());
        return ModifyVolumeAttributeResponse.builder().build();
    }

    DescribeVolumeStatusResponse statuses(DescribeVolumeStatusRequest request, RequestContext context) {
        Page<VolumeService.VolumeHealth> page = volumes.statuses(context, request.volumeIds(),
                Filters.of(request.filters()), request.maxResults(), request.nextToken());
        return DescribeVolumeStatusResponse.builder()
                .volumeStatuses(page.items().stream().map(health -> VolumeStatusItem.builder()
                        .volumeId(health.volume().id())
                        .availabilityZone(health.volume().availabilityZone())
                        .volumeStatus(VolumeStatusInfo.builder().status(health.status()).details(
                                VolumeStatusDetails.builder().name("io-enabled")
                                        .status(health.ioEnabled() ? "passed" : "failed").build(),
                                VolumeStatusDetails.builder().name("io-performance").status("not-applicable").build())
                                .build())
                        .events(List.of())
                        .actions(List.of())
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    ModifyVolumeResponse modify(ModifyVolumeRequest request, RequestContext context) {
        VolumeModification modification = modifications.modify(context, request.volumeId(), request.size(),
                request.volumeTypeAsString(), request.iops(), request.throughput(), request.multiAttachEnabled());
        return ModifyVolumeResponse.builder().volumeModification(modification(modification, context)).build();
    }

    DescribeVolumesModificationsResponse modifications(DescribeVolumesModificationsRequest request,
                                                       RequestContext context) {
        return DescribeVolumesModificationsResponse.builder()
                .volumesModifications(modifications.modifications(context, request.volumeIds()).stream()
                        .map(modification -> modification(modification, context)).toList())
                .build();
    }

    private static software.amazon.awssdk.services.ec2.model.VolumeModification modification(
            VolumeModification modification, RequestContext context) {
        String state = modification.state(context.now());
        return software.amazon.awssdk.services.ec2.model.VolumeModification.builder()
                .volumeId(modification.volumeId())
                .modificationState(state)
                .progress(modification.progress(context.now()))
                .startTime(modification.startTime())
                .endTime("completed".equals(state) ? modification.endTime() : null)
                .originalSize(modification.originalSize())
                .originalVolumeType(modification.originalType().wireName())
                .originalIops(modification.originalIops())
                .originalThroughput(modification.originalThroughput())
                .originalMultiAttachEnabled(modification.originalMultiAttach())
                .targetSize(modification.targetSize())
                .targetVolumeType(modification.targetType().wireName())
                .targetIops(modification.targetIops())
                .targetThroughput(modification.targetThroughput())
                .targetMultiAttachEnabled(modification.targetMultiAttach())
                .build();
    }

    AttachVolumeResponse attach(AttachVolumeRequest request, RequestContext context) {
        VolumeAttachment attachment = attachments.attach(context, request.volumeId(), request.instanceId(), request.device());
        return AttachVolumeResponse.builder().volumeId(request.volumeId()).instanceId(attachment.instanceId())
                .device(attachment.device()).state(attachment.state()).attachTime(attachment.attachTime())
                .deleteOnTermination(attachment.deleteOnTermination()).build();
    }

    DetachVolumeResponse detach(DetachVolumeRequest request, RequestContext context) {
        VolumeAttachment attachment = attachments.detach(context, request.volumeId(), request.instanceId(), request.device(),
                Boolean.TRUE.equals(request.force()));
        return DetachVolumeResponse.builder().volumeId(request.volumeId()).instanceId(attachment.instanceId())
                .device(attachment.device()).state(attachment.state()).attachTime(attachment.attachTime())
                .deleteOnTermination(attachment.deleteOnTermination()).build();
    }

    CreateVolumeResponse create(CreateVolumeRequest request, RequestContext context) {
        Volume volume = volumes.create(context, new VolumeService.Request(request.availabilityZone(),
                request.availabilityZoneId(), request.size(), request.volumeTypeAsString(), request.iops(),
                request.throughput(), request.encrypted(), request.kmsKeyId(), request.snapshotId(),
                request.multiAttachEnabled(), Tags.forCreation(request.tagSpecifications(), "volume"),
                request.clientToken()));
        return SameMembers.copy(shape(volume), CreateVolumeResponse.builder()).build();
    }

    DescribeVolumesResponse describe(DescribeVolumesRequest request, RequestContext context) {
        Page<Volume> page = volumes.describe(context, request.volumeIds(), Filters.of(request.filters()),
                request.maxResults(), request.nextToken());
        return DescribeVolumesResponse.builder()
                .volumes(page.items().stream().map(VolumeHandlers::shape).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteVolumeResponse delete(DeleteVolumeRequest request, RequestContext context) {
        volumes.delete(context, request.volumeId());
        return DeleteVolumeResponse.builder().build();
    }

    private static software.amazon.awssdk.services.ec2.model.Volume shape(Volume volume) {
        return software.amazon.awssdk.services.ec2.model.Volume.builder()
                .volumeId(volume.id())
                .size(volume.sizeGiB())
                .availabilityZone(volume.availabilityZone())
                .state(volume.state().wireName())
                .createTime(volume.createTime())
                .volumeType(volume.type().wireName())
                .iops(volume.iops())
                .throughput(volume.throughput())
                .encrypted(volume.encrypted())
                .kmsKeyId(volume.kmsKeyId())
                .snapshotId(volume.snapshotId() == null ? "" : volume.snapshotId())
                .multiAttachEnabled(volume.multiAttachEnabled())
                .fastRestored(false)
                .attachments(volume.attachments().stream().map(attachment ->
                        software.amazon.awssdk.services.ec2.model.VolumeAttachment.builder()
                                .volumeId(volume.id())
                                .instanceId(attachment.instanceId())
                                .device(attachment.device())
                                .state(attachment.state())
                                .attachTime(attachment.attachTime())
                                .deleteOnTermination(attachment.deleteOnTermination())
                                .build()).toList())
                .tags(Tags.toSdk(volume.tags()))
                .build();
    }
}
