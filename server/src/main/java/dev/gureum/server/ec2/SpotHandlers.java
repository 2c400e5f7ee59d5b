package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.instance.LaunchRequest;
import dev.gureum.core.network.LaunchNetwork;
import dev.gureum.core.network.SecurityGroupService;
import dev.gureum.core.page.Page;
import dev.gureum.core.spot.SpotPriceEntry;
import dev.gureum.core.spot.SpotPriceHistory;
import dev.gureum.core.spot.SpotPricing;
import dev.gureum.core.spot.SpotRequest;
import dev.gureum.core.spot.SpotRequestSpec;
import dev.gureum.core.spot.SpotRequests;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.CancelSpotInstanceRequestsRequest;
import software.amazon.awssdk.services.ec2.model.CancelSpotInstanceRequestsResponse;
import software.amazon.awssdk.services.ec2.model.CancelledSpotInstanceRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotInstanceRequestsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotInstanceRequestsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSpotPriceHistoryRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotPriceHistoryResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchSpecification;
import software.amazon.awssdk.services.ec2.model.RequestSpotInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RequestSpotInstancesResponse;
import software.amazon.awssdk.services.ec2.model.RequestSpotLaunchSpecification;
import software.amazon.awssdk.services.ec2.model.RunInstancesMonitoringEnabled;
import software.amazon.awssdk.services.ec2.model.SpotInstanceRequest;
import software.amazon.awssdk.services.ec2.model.SpotInstanceStatus;
import software.amazon.awssdk.services.ec2.model.SpotPlacement;
import software.amazon.awssdk.services.ec2.model.SpotPrice;

/** RequestSpotInstances, DescribeSpotInstanceRequests, CancelSpotInstanceRequests and DescribeSpotPriceHistory. */
final class SpotHandlers {
    private final SpotRequests requests;
    private final SpotPriceHistory history;
    private final SecurityGroupService securityGroups;

    SpotHandlers(SpotRequests requests, SpotPriceHistory history, SecurityGroupService securityGroups) {
        this.requests = requests;
        this.history = history;
        this.securityGroups = securityGroups;
    }

    void registerInto(OperationTable table) {
        table.register(RequestSpotInstancesRequest.class, this::requestSpotInstances);
        table.register(DescribeSpotInstanceRequestsRequest.class, this::describeSpotInstanceRequests);
        table.register(CancelSpotInstanceRequestsRequest.class, this::cancelSpotInstanceRequests);
        table.register(DescribeSpotPriceHistoryRequest.class, this::describeSpotPriceHistory);
    }

    RequestSpotInstancesResponse requestSpotInstances(RequestSpotInstancesRequest request, RequestContext context) {
        if (request.blockDurationMinutes() != null) {
            throw dev.gureum.core.error.Ec2Error.UNSUPPORTED.exception("Spot blocks (BlockDurationMinutes) are no"
                    + " longer offered.");
        }
        if (request.launchGroup() != null || request.availabilityZoneGroup() != null) {
            throw dev.gureum.core.error.Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum does not support launch"
                    + " groups or Availability Zone groups for Spot requests.");
        }
        List<SpotRequest> made = requests.request(context, new SpotRequestSpec(request.typeAsString(),
                request.spotPrice(), request.instanceCount(), request.validFrom(), request.validUntil(),
                request.instanceInterruptionBehaviorAsString(), launch(request.launchSpecification()),
                Tags.forCreation(request.tagSpecifications(), "spot-instances-request"), request.clientToken()));
        return RequestSpotInstancesResponse.builder()
                .spotInstanceRequests(made.stream().map(spotRequest -> shape(spotRequest, context)).toList()).build();
    }

    private static LaunchRequest launch(RequestSpotLaunchSpecification spec) {
        if (spec == null) {
            return null;
        }
        LaunchNetwork network = InstanceHandlers.launchNetwork(spec.subnetId(), spec.securityGroupIds(),
                spec.securityGroups(), null, spec.networkInterfaces());
        return new LaunchRequest(spec.imageId(), spec.instanceTypeAsString(), 1, 1, spec.keyName(), spec.userData(),
                spec.placement() == null ? null : spec.placement().availabilityZone(),
                spec.monitoring() == null ? null : spec.monitoring().enabled(), spec.ebsOptimized(), null, null, null,
                null, null, null, List.of(), network, ImageShapes.devices(spec.blockDeviceMappings()));
    }

    /**
     * The launch specification as the request gave it: its network as an interface when it set what only an
     * interface can ({@link LaunchNetwork#asInterface}), else as the subnet and security groups.
     */
    private LaunchSpecification launchSpecification(LaunchRequest launch, RequestContext context) {
        LaunchNetwork network = launch.network();
        List<GroupIdentifier> groups = securityGroups.identify(context, network.groupIds(), network.groupNames())
                .stream().map(group -> GroupIdentifier.builder().groupId(group.groupId()).groupName(group.groupName())
                        .build()).toList();
        LaunchSpecification.Builder specification = LaunchSpecification.builder()
                .imageId(launch.imageId())
                .instanceType(launch.instanceType())
                .keyName(launch.keyName())
                .placement(launch.availabilityZone() == null ? null
                        : SpotPlacement.builder().availabilityZone(launch.availabilityZone()).build())
                .blockDeviceMappings(launch.blockDevices().isEmpty() ? null
                        : ImageShapes.mappings(launch.blockDevices()))
                .monitoring(RunInstancesMonitoringEnabled.builder()
                        .enabled(Boolean.TRUE.equals(launch.monitoring())).build())
                .ebsOptimized(Boolean.TRUE.equals(launch.ebsOptimized()));
        if (network.asInterface()) {
            return specification.networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0)
                    .subnetId(network.subnetId()).groups(network.groupIds())
                    .privateIpAddress(network.privateIpAddress())
                    .associatePublicIpAddress(network.associatePublicIpAddress()).description(network.description())
                    .deleteOnTermination(network.deleteOnTermination()).build()).build();
        }
        return specification.subnetId(network.subnetId()).securityGroups(groups.isEmpty() ? null : groups).build();
    }

    DescribeSpotInstanceRequestsResponse describeSpotInstanceRequests(DescribeSpotInstanceRequestsRequest request,
                                                                      RequestContext context) {
        Page<SpotRequest> page = requests.describe(context, request.spotInstanceRequestIds(),
                Filters.of(request.filters()), request.maxResults(), request.nextToken());
        return DescribeSpotInstanceRequestsResponse.builder()
                .spotInstanceRequests(page.items().stream().map(spotRequest -> shape(spotRequest, context)).toList())
                .nextToken(page.nextToken()).build();
    }

    CancelSpotInstanceRequestsResponse cancelSpotInstanceRequests(CancelSpotInstanceRequestsRequest request,
                                                                  RequestContext context) {
        return CancelSpotInstanceRequestsResponse.builder()
                .cancelledSpotInstanceRequests(requests.cancel(context, request.spotInstanceRequestIds()).stream()
                        .map(cancelled -> CancelledSpotInstanceRequest.builder().spotInstanceRequestId(cancelled.id())
                                .state(cancelled.state()).build()).toList())
                .build();
    }

    DescribeSpotPriceHistoryResponse describeSpotPriceHistory(DescribeSpotPriceHistoryRequest request,
                                                              RequestContext context) {
        Page<SpotPriceEntry> page = history.describe(context.region(), request.instanceTypesAsStrings(),
                request.productDescriptions(), request.availabilityZone(), request.startTime(), request.endTime(),
                Filters.of(request.filters()), request.maxResults(), request.nextToken());
        return DescribeSpotPriceHistoryResponse.builder()
                .spotPriceHistory(page.items().stream().map(entry -> SpotPrice.builder()
                        .availabilityZone(entry.availabilityZone()).instanceType(entry.instanceType())
                        .productDescription(entry.productDescription()).spotPrice(SpotPricing.show(entry.price()))
                        .timestamp(entry.time()).build()).toList())
                .nextToken(page.nextToken() == null ? "" : page.nextToken())
                .build();
    }

    private SpotInstanceRequest shape(SpotRequest request, RequestContext context) {
        LaunchRequest launch = request.launch();
        return SpotInstanceRequest.builder()
                .spotInstanceRequestId(request.id())
                .spotPrice(request.spotPrice())
                .type(request.type())
                .state(request.state())
                .status(SpotInstanceStatus.builder().code(request.statusCode()).message(request.statusMessage())
                        .updateTime(request.statusUpdateTime()).build())
                .validFrom(request.validFrom())
                .validUntil(request.validUntil())
                .launchSpecification(launchSpecification(launch, context))
                .instanceId(request.instanceId())
                .createTime(request.createTime())
                .productDescription("Linux/UNIX")
                .launchedAvailabilityZone(request.launchedAvailabilityZone())
                .instanceInterruptionBehavior(request.interruptionBehavior())
                .tags(request.tags().isEmpty() ? null : Tags.toSdk(request.tags()))
                .build();
    }
}
