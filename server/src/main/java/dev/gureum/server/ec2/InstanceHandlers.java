package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceCommands;
import dev.gureum.core.instance.InstanceEvent;
import dev.gureum.core.instance.InstanceLaunches;
import dev.gureum.core.instance.InstanceQueries;
import dev.gureum.core.instance.LaunchRequest;
import dev.gureum.core.instance.MetadataOptions;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.instance.InstanceView;
import dev.gureum.core.network.InterfaceAddresses;
import dev.gureum.core.network.LaunchNetwork;
import dev.gureum.core.page.Page;
import dev.gureum.server.dispatch.OperationTable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputRequest;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputResponse;
import software.amazon.awssdk.services.ec2.model.GetPasswordDataRequest;
import software.amazon.awssdk.services.ec2.model.GetPasswordDataResponse;
import software.amazon.awssdk.services.ec2.model.InstanceMarketOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.SpotMarketOptions;
import dev.gureum.core.spot.SpotRequests;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.RebootInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RebootInstancesResponse;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/** RunInstances, DescribeInstances, Start/Stop/Reboot/TerminateInstances and GetConsoleOutput. */
final class InstanceHandlers {
    private final InstanceLaunches launches;
    private final InstanceCommands commands;
    private final InstanceQueries queries;
    private final SpotRequests spot;
    private final InstanceItems items = new InstanceItems();

    InstanceHandlers(InstanceLaunches launches, InstanceCommands commands, InstanceQueries queries, SpotRequests spot) {
        this.spot = spot;
        this.launches = launches;
        this.commands = commands;
        this.queries = queries;
    }

    void registerInto(OperationTable table) {
        table.register(RunInstancesRequest.class, this::runInstances);
        table.register(DescribeInstancesRequest.class, this::describeInstances);
        table.register(StartInstancesRequest.class, (request, context) -> StartInstancesResponse.builder()
                .startingInstances(changes(context, request.instanceIds(), InstanceEvent.START)).build());
        table.register(StopInstancesRequest.class, (request, context) -> {
            if (Boolean.TRUE.equals(request.hibernate())) {
                request.instanceIds().forEach(id -> queries.one(context, id));
                throw Ec2Error.UNSUPPORTED_HIBERNATION_CONFIGURATION.exception(
                        "The instance is not enabled for hibernation: " + String.join(", ", request.instanceIds()));
            }
            return StopInstancesResponse.builder()
                    .stoppingInstances(changes(context, request.instanceIds(), InstanceEvent.STOP)).build();
        });
        table.register(TerminateInstancesRequest.class, (request, context) -> TerminateInstancesResponse.builder()
                .terminatingInstances(changes(context, request.instanceIds(), InstanceEvent.TERMINATE)).build());
        table.register(RebootInstancesRequest.class, (request, context) -> {
            commands.apply(context, request.instanceIds(), InstanceEvent.REBOOT);
            return RebootInstancesResponse.builder().build();
        });
        table.register(GetConsoleOutputRequest.class, this::consoleOutput);
        table.register(GetPasswordDataRequest.class, (request, context) -> GetPasswordDataResponse.builder()
                .instanceId(request.instanceId()).passwordData(queries.passwordData(context, request.instanceId()))
                .timestamp(context.now()).build());
    }

    RunInstancesResponse runInstances(RunInstancesRequest request, RequestContext context) {
        List<Instance> launched = launch(request, context);
        InstanceView view = queries.view(context, launched);
        return RunInstancesResponse.builder()
                .reservationId(launched.get(0).reservationId())
                .ownerId(context.account())
                .groups(List.of())
                .instances(launched.stream().map(instance -> InstanceShapes.instance(instance, view)).toList())
                .build();
    }

    /** On demand, or on the Spot market when InstanceMarketOptions says so. */
    private List<Instance> launch(RunInstancesRequest request, RequestContext context) {
        Tags.requireWellFormed(request.tagSpecifications(), "instance", "volume", "network-interface",
                "spot-instances-request");
        LaunchOptions.requireSupported(request);
        InstanceMarketOptionsRequest market = request.instanceMarketOptions();
        if (market == null || market.marketType() == null) {
            if (market != null && market.spotOptions() != null) {
                throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("SpotOptions requires MarketType spot.");
            }
            return launches.launch(context, launchRequest(request));
        }
        if (!"spot".equals(market.marketTypeAsString())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + market.marketTypeAsString()
                    + ") for parameter MarketType is invalid.");
        }
        SpotMarketOptions options = market.spotOptions() == null ? SpotMarketOptions.builder().build()
                : market.spotOptions();
        if (options.blockDurationMinutes() != null) {
            throw Ec2Error.UNSUPPORTED.exception("Spot blocks (BlockDurationMinutes) are no longer offered.");
        }
        return spot.runInstances(context, launchRequest(request), options.maxPrice(),
                options.spotInstanceTypeAsString(), options.instanceInterruptionBehaviorAsString(),
                options.validUntil(), Tags.forResourceType(request.tagSpecifications(), "spot-instances-request"));
    }

    private static LaunchRequest launchRequest(RunInstancesRequest request) {
        return new LaunchRequest(request.imageId(), request.instanceTypeAsString(),
                request.minCount() == null ? 0 : request.minCount(), request.maxCount() == null ? 0 : request.maxCount(),
                request.keyName(), request.userData(),
                request.placement() == null ? null : request.placement().availabilityZone(),
                request.monitoring() == null ? null : request.monitoring().enabled(),
                request.ebsOptimized(), request.disableApiTermination(), request.disableApiStop(),
                request.instanceInitiatedShutdownBehaviorAsString(),
                request.creditSpecification() == null ? null : request.creditSpecification().cpuCredits(),
                metadataOptions(request.metadataOptions()), request.clientToken(),
                Tags.forResourceType(request.tagSpecifications(), "instance"), launchNetwork(request),
                ImageShapes.devices(request.blockDeviceMappings()),
                Tags.forResourceType(request.tagSpecifications(), "volume"),
                Tags.forResourceType(request.tagSpecifications(), "network-interface"));
    }

    private static LaunchNetwork launchNetwork(RunInstancesRequest request) {
        return launchNetwork(request.subnetId(), request.securityGroupIds(), request.securityGroups(),
                request.privateIpAddress(), request.networkInterfaces());
    }

    /**
     * The network of a launch (RunInstances, a Spot request's launch specification), from the top-level parameters
     * or the first NetworkInterfaces entry (device index 0), which EC2 does not let a request combine.
     */
    static LaunchNetwork launchNetwork(String subnetId, List<String> groupIds, List<String> groupNames,
                                       String privateIpAddress,
                                       List<InstanceNetworkInterfaceSpecification> networkInterfaces) {
        if (networkInterfaces.isEmpty()) {
            return new LaunchNetwork(subnetId, groupIds, groupNames, privateIpAddress, null);
        }
        if (subnetId != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Network interfaces and an instance-level subnet ID"
                    + " may not be specified on the same request");
        }
        if (!groupIds.isEmpty() || !groupNames.isEmpty()) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Network interfaces and an instance-level security"
                    + " groups may not be specified on the same request");
        }
        if (networkInterfaces.size() > 1) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum launches instances with one network interface;"
                    + " attach more with AttachNetworkInterface.");
        }
        InstanceNetworkInterfaceSpecification primary = networkInterfaces.get(0);
        if (primary.networkInterfaceId() != null) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Launching with an existing network interface is not"
                    + " supported; give a subnet instead.");
        }
        if (primary.deviceIndex() == null || primary.deviceIndex() != 0) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Each network interface requires a device index, and the"
                    + " first must be 0.");
        }
        if (positive(primary.ipv6AddressCount()) || !primary.ipv6Addresses().isEmpty()
                || positive(primary.ipv6PrefixCount()) || !primary.ipv6Prefixes().isEmpty()
                || Boolean.TRUE.equals(primary.primaryIpv6())) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum's networks are IPv4 only: IPv6 addresses are not"
                    + " supported.");
        }
        if (positive(primary.ipv4PrefixCount()) || !primary.ipv4Prefixes().isEmpty()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum does not delegate IPv4 prefixes to interfaces.");
        }
        List<String> secondaryAddresses = primary.privateIpAddresses().stream()
                .filter(address -> !Boolean.TRUE.equals(address.primary()))
                .map(address -> address.privateIpAddress()).toList();
        InterfaceAddresses.requireNamedOrCounted(secondaryAddresses, primary.secondaryPrivateIpAddressCount());
        String primaryAddress = primary.privateIpAddresses().stream()
                .filter(address -> Boolean.TRUE.equals(address.primary()))
                .map(address -> address.privateIpAddress()).findFirst().orElse(primary.privateIpAddress());
        return new LaunchNetwork(primary.subnetId(), primary.groups(), List.of(),
                primaryAddress != null ? primaryAddress : privateIpAddress, primary.associatePublicIpAddress(),
                secondaryAddresses, primary.secondaryPrivateIpAddressCount() == null ? 0
                        : primary.secondaryPrivateIpAddressCount(), primary.description(),
                primary.deleteOnTermination());
    }

    private static boolean positive(Integer count) {
        return count != null && count > 0;
    }

    /** RunInstances' MetadataOptions over the defaults, each setting checked as ModifyInstanceMetadataOptions does. */
    private static MetadataOptions metadataOptions(InstanceMetadataOptionsRequest options) {
        if (options == null) {
            return null;
        }
        return MetadataOptions.UNSET.with(options.httpTokensAsString(), options.httpEndpointAsString(),
                options.httpPutResponseHopLimit(), options.instanceMetadataTagsAsString(),
                options.httpProtocolIpv6AsString());
    }

    DescribeInstancesResponse describeInstances(DescribeInstancesRequest request, RequestContext context) {
        Page<Instance> page = queries.describe(context, request.instanceIds(), Filters.of(request.filters()),
                request.maxResults(), request.nextToken());
        InstanceView view = queries.view(context, page.items());
        return DescribeInstancesResponse.builder()
                .reservations(InstanceShapes.reservations(page.items(), instance -> items.of(instance, view)))
                .nextToken(page.nextToken())
                .build();
    }

    private List<software.amazon.awssdk.services.ec2.model.InstanceStateChange> changes(
            RequestContext context, List<String> instanceIds, InstanceEvent command) {
        return commands.apply(context, instanceIds, command).stream().map(InstanceShapes::change).toList();
    }

    /** The console's output, with the time it last changed (EC2's Timestamp), or now when that is not known. */
    GetConsoleOutputResponse consoleOutput(GetConsoleOutputRequest request, RequestContext context) {
        String output = queries.consoleOutput(context, request.instanceId());
        java.time.Instant updated = queries.consoleUpdated(context, request.instanceId());
        return GetConsoleOutputResponse.builder()
                .instanceId(request.instanceId())
                .timestamp(updated != null ? updated : context.now())
                .output(Base64.getEncoder().encodeToString(output.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

}
