package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.page.Page;
import dev.gureum.core.share.PermissionChange;
import dev.gureum.core.storage.Snapshot;
import dev.gureum.core.storage.SnapshotAttributes;
import dev.gureum.core.storage.SnapshotService;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.protocol.model.SameMembers;
import dev.gureum.server.dispatch.OperationTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.CopySnapshotRequest;
import software.amazon.awssdk.services.ec2.model.CopySnapshotResponse;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.ModifySnapshotAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ResetSnapshotAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ResetSnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.SnapshotInfo;

/**
 * CreateSnapshot, CreateSnapshots, CopySnapshot, DeleteSnapshot, DescribeSnapshots and the snapshot
 * attributes (createVolumePermission sharing, productCodes).
 */
final class SnapshotHandlers {
    private final SnapshotService snapshots;
    private final SnapshotAttributes attributes;
    private final VolumeAttachments instanceVolumes;

    SnapshotHandlers(SnapshotService snapshots, SnapshotAttributes attributes, VolumeAttachments instanceVolumes) {
        this.snapshots = snapshots;
        this.attributes = attributes;
        this.instanceVolumes = instanceVolumes;
    }

    void registerInto(OperationTable table) {
        table.register(CreateSnapshotRequest.class, this::create);
        table.register(CreateSnapshotsRequest.class, this::createForInstance);
        table.register(CopySnapshotRequest.class, this::copy);
        table.register(DeleteSnapshotRequest.class, this::delete);
        table.register(DescribeSnapshotsRequest.class, this::describe);
        table.register(DescribeSnapshotAttributeRequest.class, this::describeAttribute);
        table.register(ModifySnapshotAttributeRequest.class, this::modifyAttribute);
        table.register(ResetSnapshotAttributeRequest.class, this::resetAttribute);
    }

    CreateSnapshotResponse create(CreateSnapshotRequest request, RequestContext context) {
        Snapshot snapshot = snapshots.create(context, request.volumeId(), request.description(),
                Tags.forCreation(request.tagSpecifications(), "snapshot"));
        return SameMembers.copy(shape(snapshot), CreateSnapshotResponse.builder()).build();
    }

    CreateSnapshotsResponse createForInstance(CreateSnapshotsRequest request, RequestContext context) {
        if (request.instanceSpecification() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter InstanceSpecification");
        }
        var specification = request.instanceSpecification();
        SnapshotService.InstanceVolumes volumes = instanceVolumes.attachedTo(context, specification.instanceId(),
                Boolean.TRUE.equals(specification.excludeBootVolume()), specification.excludeDataVolumeIds());
        List<Snapshot> made = snapshots.createForInstance(context, volumes, request.description(),
                "volume".equals(request.copyTagsFromSourceAsString()),
                Tags.forCreation(request.tagSpecifications(), "snapshot"));
        return CreateSnapshotsResponse.builder().snapshots(made.stream().map(snapshot -> SnapshotInfo.builder()
                .snapshotId(snapshot.id())
                .volumeId(snapshot.volumeId())
                .state(snapshot.state().wireName())
                .startTime(snapshot.startTime())
                .progress(snapshot.progress())
                .ownerId(snapshot.ownerId())
                .description(snapshot.description())
                .volumeSize(snapshot.volumeSizeGiB())
                .encrypted(snapshot.encrypted())
                .tags(Tags.toSdk(snapshot.tags()))
                .build()).toList()).build();
    }

    CopySnapshotResponse copy(CopySnapshotRequest request, RequestContext context) {
        if (request.destinationRegion() != null && !request.destinationRegion().equals(context.region())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("DestinationRegion " + request.destinationRegion()
                    + " is not the region the request was sent to (" + context.region() + ").");
        }
        Snapshot snapshot = snapshots.copy(context, request.sourceRegion(), request.sourceSnapshotId(),
                request.description(), request.encrypted(), request.kmsKeyId(),
                Tags.forCreation(request.tagSpecifications(), "snapshot"));
        return CopySnapshotResponse.builder().snapshotId(snapshot.id()).tags(Tags.toSdk(snapshot.tags())).build();
    }

    DeleteSnapshotResponse delete(DeleteSnapshotRequest request, RequestContext context) {
        if (request.snapshotId() == null || request.snapshotId().isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter SnapshotId");
        }
        snapshots.delete(context, request.snapshotId());
        return DeleteSnapshotResponse.builder().build();
    }

    DescribeSnapshotsResponse describe(DescribeSnapshotsRequest request, RequestContext context) {
        Page<Snapshot> page = snapshots.describe(context, request.snapshotIds(), request.ownerIds(),
                request.restorableByUserIds(), Filters.of(request.filters()), request.maxResults(),
                request.nextToken());
        return DescribeSnapshotsResponse.builder()
                .snapshots(page.items().stream().map(SnapshotHandlers::shape).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeSnapshotAttributeResponse describeAttribute(DescribeSnapshotAttributeRequest request,
                                                        RequestContext context) {
        Snapshot snapshot = attributes.describe(context, request.snapshotId(), request.attributeAsString());
        DescribeSnapshotAttributeResponse.Builder response = DescribeSnapshotAttributeResponse.builder()
                .snapshotId(snapshot.id());
        if ("createVolumePermission".equals(request.attributeAsString())) {
            List<CreateVolumePermission> permissions = new ArrayList<>();
            if (snapshot.createVolumePermissions().isPublic()) {
                permissions.add(CreateVolumePermission.builder().group("all").build());
            }
            snapshot.createVolumePermissions().userIds()
                    .forEach(user -> permissions.add(CreateVolumePermission.builder().userId(user).build()));
            response.createVolumePermissions(permissions);
        } else {
            response.productCodes(List.of());
        }
        return response.build();
    }

    ModifySnapshotAttributeResponse modifyAttribute(ModifySnapshotAttributeRequest request, RequestContext context) {
        String attribute = request.attributeAsString();
        if (attribute != null && !"createVolumePermission".equals(attribute)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + attribute + ") for parameter attribute is"
                    + " invalid. Only createVolumePermission can be modified.");
        }
        PermissionChange change;
        if (request.createVolumePermission() != null) {
            List<CreateVolumePermission> add = request.createVolumePermission().add();
            List<CreateVolumePermission> remove = request.createVolumePermission().remove();
            change = new PermissionChange(values(add, CreateVolumePermission::userId),
                    values(remove, CreateVolumePermission::userId), values(add, CreateVolumePermission::groupAsString),
                    values(remove, CreateVolumePermission::groupAsString));
        } else {
            change = PermissionChange.ofOperation(request.operationTypeAsString(), request.userIds(),
                    request.groupNames());
        }
        attributes.modifyCreateVolumePermission(context, request.snapshotId(), change);
        return ModifySnapshotAttributeResponse.builder().build();
    }

    ResetSnapshotAttributeResponse resetAttribute(ResetSnapshotAttributeRequest request, RequestContext context) {
        attributes.reset(context, request.snapshotId(), request.attributeAsString());
        return ResetSnapshotAttributeResponse.builder().build();
    }

    private static List<String> values(List<CreateVolumePermission> permissions,
                                       Function<CreateVolumePermission, String> value) {
        return permissions.stream().map(value).filter(Objects::nonNull).toList();
    }

    static software.amazon.awssdk.services.ec2.model.Snapshot shape(Snapshot snapshot) {
        return software.amazon.awssdk.services.ec2.model.Snapshot.builder()
                .snapshotId(snapshot.id())
                .volumeId(snapshot.volumeId())
                .state(snapshot.state().wireName())
                .startTime(snapshot.startTime())
                .progress(snapshot.progress())
                .ownerId(snapshot.ownerId())
                .ownerAlias(snapshot.ownerAlias())
                .description(snapshot.description())
                .volumeSize(snapshot.volumeSizeGiB())
                .encrypted(snapshot.encrypted())
                .kmsKeyId(snapshot.kmsKeyId())
                .storageTier("standard")
                .tags(Tags.toSdk(snapshot.tags()))
                .build();
    }
}
