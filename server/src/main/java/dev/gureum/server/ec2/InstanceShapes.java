package dev.gureum.server.ec2;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.StateChange;
import dev.gureum.core.instance.InstanceView;
import dev.gureum.core.storage.AttachedVolumes;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkNames;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.CapacityReservationSpecificationResponse;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDevice;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.HibernationOptions;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.StateReason;

/**
 * Turns domain instances into the SDK's Instance, Reservation and state-change shapes. The parts every
 * instance shows alike are immutable SDK objects made once and shared: a Describe of thousands builds
 * only what differs.
 */
final class InstanceShapes {
    private static final Map<InstanceState, software.amazon.awssdk.services.ec2.model.InstanceState> STATES =
            new EnumMap<>(InstanceState.class);
    private static final Monitoring MONITORING_ENABLED = Monitoring.builder().state("enabled").build();
    private static final Monitoring MONITORING_DISABLED = Monitoring.builder().state("disabled").build();
    private static final CapacityReservationSpecificationResponse OPEN_CAPACITY_RESERVATIONS =
            CapacityReservationSpecificationResponse.builder().capacityReservationPreference("open").build();
    private static final HibernationOptions NO_HIBERNATION = HibernationOptions.builder().configured(false).build();
    private static final EnclaveOptions NO_ENCLAVE = EnclaveOptions.builder().enabled(false).build();

    static {
        for (InstanceState state : InstanceState.values()) {
            STATES.put(state, software.amazon.awssdk.services.ec2.model.InstanceState.builder()
                    .code(state.code()).name(state.wireName()).build());
        }
    }

    private InstanceShapes() {
    }

    static software.amazon.awssdk.services.ec2.model.InstanceState state(InstanceState state) {
        return STATES.get(state);
    }

    static InstanceStateChange change(StateChange change) {
        return InstanceStateChange.builder().instanceId(change.instanceId())
                .previousState(state(change.previous())).currentState(state(change.current())).build();
    }

    /** Instances grouped into their reservations, reservations in order of first appearance. */
    static List<Reservation> reservations(List<Instance> instances, Function<Instance, software.amazon.awssdk.services.ec2.model.Instance> shapes) {
        Map<String, List<Instance>> byReservation = new LinkedHashMap<>();
        for (Instance instance : instances) {
            byReservation.computeIfAbsent(instance.reservationId(), unused -> new ArrayList<>()).add(instance);
        }
        List<Reservation> reservations = new ArrayList<>();
        byReservation.forEach((id, members) -> reservations.add(reservation(members, shapes)));
        return reservations;
    }

    static Reservation reservation(List<Instance> members, Function<Instance, software.amazon.awssdk.services.ec2.model.Instance> shapes) {
        Instance first = members.get(0);
        return Reservation.builder().reservationId(first.reservationId()).ownerId(first.ownerId())
                .groups(List.of()).instances(members.stream().map(shapes).toList()).build();
    }

    /**
     * An instance with its network as its primary interface shows it; a terminated instance has let go of
     * its interfaces and shows none.
     */
    static software.amazon.awssdk.services.ec2.model.Instance instance(Instance instance, InstanceView view) {
        List<NetworkInterface> interfaces = interfaces(instance, view);
        NetworkInterface primary = interfaces.isEmpty() ? null : interfaces.get(0);
        Instance.NetworkFacts network = primary == null ? null : instance.network();
        String privateDnsName = network == null ? "" : NetworkNames.privateDnsName(network.privateIpAddress(),
                instance.region());
        return software.amazon.awssdk.services.ec2.model.Instance.builder()
                .instanceId(instance.id())
                .imageId(instance.imageId())
                .instanceLifecycle(instance.lifecycle())
                .spotInstanceRequestId(instance.spot() == null ? null : instance.spot().requestId())
                .state(state(instance.state()))
                .privateDnsName(privateDnsName)
                .publicDnsName(primary == null ? "" : view.network().publicDnsName(primary.vpcId(), primary.publicIp(),
                        instance.region()))
                .privateIpAddress(network == null ? null : network.privateIpAddress())
                .publicIpAddress(primary == null ? null : primary.publicIp())
                .subnetId(network == null ? null : network.subnetId())
                .vpcId(network == null ? null : network.vpcId())
                .sourceDestCheck(primary == null ? null : primary.sourceDestCheck())
                .stateTransitionReason(instance.stateTransitionReason())
                .keyName(instance.keyName())
                .amiLaunchIndex(instance.amiLaunchIndex())
                .productCodes(List.of())
                .instanceType(instance.instanceType())
                .launchTime(instance.launchTime())
                .placement(Placement.builder().availabilityZone(instance.availabilityZone()).groupName("")
                        .tenancy("default").build())
                .monitoring(instance.monitoring() ? MONITORING_ENABLED : MONITORING_DISABLED)
                .architecture(instance.architecture())
                .rootDeviceType(instance.ebsBacked() ? "ebs" : "instance-store")
                .rootDeviceName(instance.rootDeviceName())
                .blockDeviceMappings(blockDevices(view.volumes().of(instance.id())))
                .virtualizationType("hvm")
                .clientToken(instance.clientToken() == null ? "" : instance.clientToken())
                .tags(instance.tags().isEmpty() ? null : Tags.toSdk(instance.tags()))
                .securityGroups(primary == null ? List.of() : InterfaceShapes.groups(primary, view.network()))
                .hypervisor("xen")
                .networkInterfaces(interfaces.stream().map(eni -> InterfaceShapes.ofInstance(eni, view.network())).toList())
                .ebsOptimized(instance.ebsOptimized())
                .enaSupport(true)
                .stateReason(instance.stateReason() == null ? null : StateReason.builder()
                        .code(instance.stateReason().code()).message(instance.stateReason().message()).build())
                .platform(instance.platform())
                .platformDetails(instance.platformDetails())
                .usageOperation(instance.usageOperation())
                .usageOperationUpdateTime(instance.launchTime())
                .capacityReservationSpecification(OPEN_CAPACITY_RESERVATIONS)
                .hibernationOptions(NO_HIBERNATION)
                .enclaveOptions(NO_ENCLAVE)
                .cpuOptions(LaunchOptions.cpuOptions(instance.instanceType()))
                .maintenanceOptions(LaunchOptions.DEFAULT_MAINTENANCE)
                .privateDnsNameOptions(LaunchOptions.IP_NAMES)
                .metadataOptions(metadataOptions(instance.metadataOptions(),
                        instance.state() == InstanceState.PENDING ? "pending" : "applied"))
                .build();
    }

    static InstanceMetadataOptionsResponse metadataOptions(dev.gureum.core.instance.MetadataOptions options,
                                                           String state) {
        return InstanceMetadataOptionsResponse.builder()
                .state(state)
                .httpTokens(options.httpTokens())
                .httpEndpoint(options.httpEndpoint())
                .httpPutResponseHopLimit(options.httpPutResponseHopLimit())
                .httpProtocolIpv6(options.httpProtocolIpv6())
                .instanceMetadataTags(options.instanceMetadataTags())
                .build();
    }

    /** The interfaces an instance shows, primary first: none once terminated. */
    static List<NetworkInterface> interfaces(Instance instance, InstanceView view) {
        return instance.state() == InstanceState.TERMINATED ? List.of() : view.network().interfaces(instance.id());
    }

    /** The instance's EBS volumes as its block device mappings (instance-store disks are not listed, as in EC2). */
    static List<InstanceBlockDeviceMapping> blockDevices(List<AttachedVolumes.Attached> volumes) {
        return volumes.stream().map(attached -> InstanceBlockDeviceMapping.builder()
                .deviceName(attached.attachment().device())
                .ebs(EbsInstanceBlockDevice.builder()
                        .volumeId(attached.volumeId())
                        .status(attached.attachment().state())
                        .attachTime(attached.attachment().attachTime())
                        .deleteOnTermination(attached.attachment().deleteOnTermination())
                        .build())
                .build()).toList();
    }
}
