package dev.gureum.core.instance;

import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.network.InstanceNetworkView;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkNames;
import dev.gureum.core.storage.AttachedVolumes;
import dev.gureum.core.tag.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The DescribeInstances filters EC2 documents. Those about public addresses, groups and interfaces read
 * the call's {@link InstanceNetworkView}, and those about block devices its {@link AttachedVolumes}, each built
 * only when such a filter is given. The state name
 * and tag filters with exact values can also be answered by keys ({@link #indexKeys}), which
 * {@link InstanceFilterIndex} keeps for every instance.
 */
final class InstanceFilters {
    private static final String STATE_NAME = "instance-state-name";
    private static final String TAG = "tag:";
    /** Each state's index key, by ordinal: every commit of an instance asks for one. */
    private static final String[] STATE_KEYS = java.util.Arrays.stream(InstanceState.values())
            .map(state -> indexKey(STATE_NAME, state.wireName())).toArray(String[]::new);

    private InstanceFilters() {
    }

    /**
     * The keys under which an index finds the instance for the filters it answers: its state name, and each of
     * its tags as {@code tag:<key>} with the tag's value.
     */
    static List<String> indexKeys(Instance instance) {
        List<String> keys = new ArrayList<>(1 + instance.tags().size());
        keys.add(indexKey(instance.state()));
        for (Tag tag : instance.tags()) {
            keys.add(indexKey(TAG + tag.key(), tag.value()));
        }
        return keys;
    }

    /**
     * The keys of the instances a filter may match, if an index of {@link #indexKeys(Instance)} answers it: a
     * state name or tag filter whose values have no wildcards. Null for any other filter.
     */
    static List<String> indexKeys(Filter filter) {
        String name = filter.name();
        boolean indexed = name.equals(STATE_NAME) || name.startsWith(TAG) && name.length() > TAG.length();
        if (!indexed || !filter.literal()) {
            return null;
        }
        List<String> keys = new ArrayList<>(filter.values().size());
        for (String value : filter.values()) {
            keys.add(indexKey(name, value));
        }
        return keys;
    }

    /** The key of the instances in a state. */
    static String indexKey(InstanceState state) {
        return STATE_KEYS[state.ordinal()];
    }

    /**
     * A filter name and one value, joined by a NUL. Two pairs give the same key only if a tag key holds a NUL,
     * and then the index merely hands over an instance more, which the filters themselves turn down.
     */
    private static String indexKey(String filterName, String value) {
        return filterName + '\0' + value;
    }

    private static String stateName(Instance instance) {
        return instance.state().wireName();
    }

    static FilterSet<Instance> of(Supplier<InstanceNetworkView> view, Supplier<AttachedVolumes> volumes) {
        return FilterSet.<Instance>builder()
            .single("architecture", Instance::architecture)
            .single("availability-zone", Instance::availabilityZone)
            .single("client-token", Instance::clientToken)
            .single("ebs-optimized", instance -> Boolean.toString(instance.ebsOptimized()))
            .fixed("hypervisor", "xen")
            .single("image-id", Instance::imageId)
            .single("instance-id", Instance::id)
            .single("instance-lifecycle", Instance::lifecycle)
            .single("instance-state-code", instance -> instance.state().code())
            .single(STATE_NAME, InstanceFilters::stateName)
            .single("instance-type", Instance::instanceType)
            .single("key-name", Instance::keyName)
            .single("launch-index", Instance::amiLaunchIndex)
            .single("launch-time", instance -> dev.gureum.core.Timestamps.iso(instance.launchTime()))
            .single("monitoring-state", instance -> instance.monitoring() ? "enabled" : "disabled")
            .single("owner-id", Instance::ownerId)
            .single("platform", Instance::platform)
            .single("platform-details", Instance::platformDetails)
            .single("reason", Instance::stateTransitionReason)
            .single("reservation-id", Instance::reservationId)
            .single("root-device-name", Instance::rootDeviceName)
            .single("root-device-type", Instance::rootDeviceType)
            .single("state-reason-code", instance -> instance.stateReason() == null ? null : instance.stateReason().code())
            .single("state-reason-message", instance -> instance.stateReason() == null ? null : instance.stateReason().message())
            .fixed("tenancy", "default")
            .single("usage-operation", Instance::usageOperation)
            .fixed("virtualization-type", "hvm")
            .single("metadata-options.http-tokens", instance -> instance.metadataOptions().httpTokens())
            .single("metadata-options.http-endpoint", instance -> instance.metadataOptions().httpEndpoint())
            .single("metadata-options.http-put-response-hop-limit", instance -> instance.metadataOptions().httpPutResponseHopLimit())
            .single("metadata-options.instance-metadata-tags", instance -> instance.metadataOptions().instanceMetadataTags())
            .single("metadata-options.http-protocol-ipv6", instance -> instance.metadataOptions().httpProtocolIpv6())
            .single("credit-specification.cpu-credits", Instance::cpuCredits)
            .single("disable-api-stop", instance -> Boolean.toString(instance.disableApiStop()))
            .fixed("ena-support", "true")
            .single("spot-instance-request-id", instance -> instance.spot() == null ? null : instance.spot().requestId())
            .single("dns-name", instance -> primary(view, instance) == null ? null : view.get().publicDnsName(
                    instance.network().vpcId(), primary(view, instance).publicIp(), instance.region()))
            .single("ip-address", instance -> primary(view, instance) == null ? null : primary(view, instance).publicIp())
            .single("private-dns-name", instance -> instance.network() == null ? null
                    : NetworkNames.privateDnsName(instance.network().privateIpAddress(), instance.region()))
            .single("private-ip-address", instance -> instance.network() == null ? null
                    : instance.network().privateIpAddress())
            .single("subnet-id", instance -> instance.network() == null ? null : instance.network().subnetId())
            .single("vpc-id", instance -> instance.network() == null ? null : instance.network().vpcId())
            .single("source-dest-check", instance -> primary(view, instance) == null ? null
                    : primary(view, instance).sourceDestCheck())
            .many("instance.group-id", instance -> groupIds(view, instance))
            .many("group-id", instance -> groupIds(view, instance))
            .many("instance.group-name", instance -> groupNames(view, instance))
            .many("group-name", instance -> groupNames(view, instance))
            .many("network-interface.network-interface-id", instance -> interfaces(view, instance,
                    NetworkInterface::id))
            .many("network-interface.subnet-id", instance -> interfaces(view, instance, NetworkInterface::subnetId))
            .many("network-interface.vpc-id", instance -> interfaces(view, instance, NetworkInterface::vpcId))
            .many("network-interface.mac-address", instance -> interfaces(view, instance,
                    NetworkInterface::macAddress))
            .many("network-interface.status", instance -> interfaces(view, instance, NetworkInterface::status))
            .many("network-interface.addresses.private-ip-address", instance -> view.get().interfaces(instance.id())
                    .stream().flatMap(eni -> eni.privateAddresses().stream())
                    .map(NetworkInterface.PrivateAddress::address).toList())
            .many("network-interface.association.public-ip", instance -> interfaces(view, instance,
                    NetworkInterface::publicIp))
            .many("network-interface.attachment.device-index", instance -> interfaces(view, instance,
                    eni -> Integer.toString(eni.attachment().deviceIndex())))
            .many("network-interface.group-id", instance -> view.get().interfaces(instance.id()).stream()
                    .flatMap(eni -> eni.groupIds().stream()).toList())
            .many("block-device-mapping.device-name", instance -> attached(volumes, instance,
                    attached -> attached.attachment().device()))
            .many("block-device-mapping.volume-id", instance -> attached(volumes, instance,
                    AttachedVolumes.Attached::volumeId))
            .many("block-device-mapping.status", instance -> attached(volumes, instance,
                    attached -> attached.attachment().state()))
            .many("block-device-mapping.delete-on-termination", instance -> attached(volumes, instance,
                    attached -> Boolean.toString(attached.attachment().deleteOnTermination())))
            .many("block-device-mapping.attach-time", instance -> attached(volumes, instance,
                    attached -> dev.gureum.core.Timestamps.iso(attached.attachment().attachTime())))
            .fixed("hibernation-options.configured", "false")
            .single("metadata-options.state", instance -> instance.state() == InstanceState.PENDING ? "pending"
                    : "applied")
            .many("network-interface.private-ip-address", instance -> view.get().interfaces(instance.id())
                    .stream().flatMap(eni -> eni.privateAddresses().stream())
                    .map(NetworkInterface.PrivateAddress::address).toList())
            .many("network-interface.attachment.instance-id", instance -> interfaces(view, instance,
                    eni -> eni.attachment().instanceId()))
            .many("network-interface.source-dest-check", instance -> interfaces(view, instance,
                    eni -> Boolean.toString(eni.sourceDestCheck())))
            .many("network-interface.owner-id", instance -> interfaces(view, instance, NetworkInterface::ownerId))
            .single("availability-zone-id", instance -> instance.network() == null ? null
                    : view.get().zoneIdOf(instance.network().subnetId()))
            .single("usage-operation-update-time", instance -> dev.gureum.core.Timestamps.iso(instance.launchTime()))
            .fixed("capacity-reservation-specification.capacity-reservation-preference", "open")
            .fixed("enclave-options.enabled", "false")
            .fixed("maintenance-options.auto-recovery", "default")
            .fixed("metadata-options.http-protocol-ipv4", "enabled")
            .fixed("network-performance-options.bandwidth-weighting", "default")
            .fixed("operator.managed", "false")
            .fixed("private-dns-name-options.hostname-type", "ip-name")
            .fixed("private-dns-name-options.enable-resource-name-dns-a-record", "false")
            .fixed("private-dns-name-options.enable-resource-name-dns-aaaa-record", "false")
            .many("network-interface.addresses.primary", instance -> addresses(view, instance,
                    (eni, address) -> Boolean.toString(address.primary())))
            .many("network-interface.addresses.private-dns-name", instance -> addresses(view, instance,
                    (eni, address) -> NetworkNames.privateDnsName(address.address(), instance.region())))
            .many("network-interface.addresses.association.public-ip", instance -> addresses(view, instance,
                    (eni, address) -> associated(eni, address, NetworkInterface::publicIp)))
            .many("network-interface.addresses.association.allocation-id", instance -> addresses(view, instance,
                    (eni, address) -> associated(eni, address, held -> held.publicAddress().allocationId())))
            .many("network-interface.addresses.association.association-id", instance -> addresses(view, instance,
                    (eni, address) -> associated(eni, address, held -> held.publicAddress().associationId())))
            .many("network-interface.addresses.association.ip-owner-id", instance -> addresses(view, instance,
                    (eni, address) -> associated(eni, address, NetworkInterface::ipOwnerId)))
            .many("network-interface.addresses.association.public-dns-name", instance -> addresses(view, instance,
                    (eni, address) -> associated(eni, address, held -> publicDnsName(view, held))))
            .many("network-interface.association.allocation-id", instance -> interfaces(view, instance,
                    eni -> eni.publicAddress() == null ? null : eni.publicAddress().allocationId()))
            .many("network-interface.association.association-id", instance -> interfaces(view, instance,
                    eni -> eni.publicAddress() == null ? null : eni.publicAddress().associationId()))
            .many("network-interface.association.ip-owner-id", instance -> interfaces(view, instance,
                    NetworkInterface::ipOwnerId))
            .many("network-interface.association.public-dns-name", instance -> interfaces(view, instance,
                    eni -> publicDnsName(view, eni)))
            .many("network-interface.attachment.attachment-id", instance -> interfaces(view, instance,
                    eni -> eni.attachment().id()))
            .many("network-interface.attachment.attach-time", instance -> interfaces(view, instance,
                    eni -> dev.gureum.core.Timestamps.iso(eni.attachment().attachTime())))
            .many("network-interface.attachment.delete-on-termination", instance -> interfaces(view, instance,
                    eni -> Boolean.toString(eni.attachment().deleteOnTermination())))
            .many("network-interface.attachment.instance-owner-id", instance -> interfaces(view, instance,
                    eni -> eni.attachment().instanceOwnerId()))
            .many("network-interface.attachment.network-card-index", instance -> interfaces(view, instance,
                    eni -> "0"))
            .many("network-interface.attachment.status", instance -> interfaces(view, instance, eni -> "attached"))
            .many("network-interface.availability-zone", instance -> interfaces(view, instance,
                    NetworkInterface::availabilityZone))
            .many("network-interface.description", instance -> interfaces(view, instance,
                    NetworkInterface::description))
            .many("network-interface.group-name", instance -> view.get().interfaces(instance.id()).stream()
                    .flatMap(eni -> eni.groupIds().stream()).map(id -> view.get().groupName(id))
                    .filter(Objects::nonNull).toList())
            .many("network-interface.ipv6-native", instance -> interfaces(view, instance, eni -> "false"))
            .many("network-interface.operator.managed", instance -> interfaces(view, instance, eni -> "false"))
            .many("network-interface.private-dns-name", instance -> interfaces(view, instance,
                    eni -> NetworkNames.privateDnsName(eni.primaryPrivateAddress(), instance.region())))
            .many("network-interface.public-dns-name", instance -> interfaces(view, instance,
                    eni -> publicDnsName(view, eni)))
            .many("network-interface.requester-managed", instance -> interfaces(view, instance, eni -> "false"))
            .many("network-interface.tag-key", instance -> view.get().interfaces(instance.id()).stream()
                    .flatMap(eni -> eni.tags().stream()).map(Tag::key).toList())
            .many("network-interface.tag-value", instance -> view.get().interfaces(instance.id()).stream()
                    .flatMap(eni -> eni.tags().stream()).map(Tag::value).toList())
            .absent("placement-group-name", "placement-partition-number", "requester-id", "boot-mode",
                    "capacity-reservation-id", "iam-instance-profile.arn", "kernel-id", "ramdisk-id", "product-code",
                    "affinity", "host-id", "outpost-arn", "current-instance-boot-mode", "tpm-support",
                    "iam-instance-profile.id", "ipv6-address", "operator.principal", "product-code.type",
                    "capacity-reservation-specification.capacity-reservation-target.capacity-reservation-id",
                    "capacity-reservation-specification.capacity-reservation-target"
                            + ".capacity-reservation-resource-group-arn",
                    "network-interface.addresses.association.carrier-ip",
                    "network-interface.addresses.association.customer-owned-ip",
                    "network-interface.association.carrier-ip", "network-interface.association.customer-owned-ip",
                    "network-interface.deny-all-igw-traffic", "network-interface.ipv4-prefixes.ipv4-prefix",
                    "network-interface.ipv6-address", "network-interface.ipv6-addresses.ipv6-address",
                    "network-interface.ipv6-addresses.is-primary-ipv6", "network-interface.ipv6-prefixes.ipv6-prefix",
                    "network-interface.operator.principal", "network-interface.outpost-arn",
                    "network-interface.requester-id")
            .many("tag-key", instance -> instance.tags().stream().map(Tag::key).toList())
            .many("tag-value", instance -> instance.tags().stream().map(Tag::value).toList())
            .prefixed(TAG, InstanceFilters::tagValue)
            .build();
    }

    private static List<String> attached(Supplier<AttachedVolumes> volumes, Instance instance,
                                         Function<AttachedVolumes.Attached, String> value) {
        return volumes.get().of(instance.id()).stream().map(value).filter(Objects::nonNull).toList();
    }

    /** A value of each private address of the instance's interfaces. */
    private static List<String> addresses(Supplier<InstanceNetworkView> view, Instance instance,
                                          java.util.function.BiFunction<NetworkInterface, NetworkInterface.PrivateAddress,
                                                  String> value) {
        List<String> values = new ArrayList<>();
        for (NetworkInterface eni : view.get().interfaces(instance.id())) {
            for (NetworkInterface.PrivateAddress address : eni.privateAddresses()) {
                String found = value.apply(eni, address);
                if (found != null) {
                    values.add(found);
                }
            }
        }
        return values;
    }

    /**
     * A value of the interface's public address for the private address it is associated with: an interface's
     * public address is its primary's.
     */
    private static String associated(NetworkInterface eni, NetworkInterface.PrivateAddress address,
                                     Function<NetworkInterface, String> value) {
        return address.primary() && eni.publicAddress() != null ? value.apply(eni) : null;
    }

    /** The interface's public DNS name, as the call's view gives it (none when its VPC gives none). */
    private static String publicDnsName(Supplier<InstanceNetworkView> view, NetworkInterface eni) {
        String name = view.get().publicDnsName(eni.vpcId(), eni.publicIp(), eni.region());
        return name.isEmpty() ? null : name;
    }

    private static NetworkInterface primary(Supplier<InstanceNetworkView> view, Instance instance) {
        return view.get().primary(instance.id());
    }

    private static List<String> groupIds(Supplier<InstanceNetworkView> view, Instance instance) {
        NetworkInterface primary = primary(view, instance);
        return primary == null ? List.of() : primary.groupIds();
    }

    private static List<String> groupNames(Supplier<InstanceNetworkView> view, Instance instance) {
        return groupIds(view, instance).stream().map(id -> view.get().groupName(id)).filter(Objects::nonNull).toList();
    }

    private static List<String> interfaces(Supplier<InstanceNetworkView> view, Instance instance,
                                           Function<NetworkInterface, String> value) {
        return view.get().interfaces(instance.id()).stream().map(value).filter(Objects::nonNull).toList();
    }

    /** The value of one tag as a filter sees it; a loop, because this runs per instance per Describe. */
    private static List<String> tagValue(Instance instance, String key) {
        for (Tag tag : instance.tags()) {
            if (tag.key().equals(key)) {
                return List.of(tag.value());
            }
        }
        return List.of();
    }
}
