package dev.gureum.core.network;

import dev.gureum.core.filter.FilterSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The DescribeNetworkInterfaces filters EC2 documents. Group names and public DNS names come from the call's
 * {@link InstanceNetworkView} (the names its security groups have, whether its VPC gives public DNS names), read
 * only when such a filter is given; those of features Gureum lacks match no interface.
 */
final class NetworkInterfaceFilters {
    private NetworkInterfaceFilters() {
    }

    static FilterSet<NetworkInterface> of(Supplier<InstanceNetworkView> view) {
        return FilterSet.<NetworkInterface>builder()
            .many("group-name", eni -> eni.groupIds().stream().map(id -> view.get().groupName(id))
                    .filter(Objects::nonNull).toList())
            .many("addresses.association.public-ip", eni -> eni.publicIp() == null ? List.of()
                    : List.of(eni.publicIp()))
            .many("addresses.association.owner-id", eni -> eni.publicAddress() == null ? List.of()
                    : List.of(eni.ipOwnerId()))
            .single("association.ip-owner-id", NetworkInterface::ipOwnerId)
            .single("association.public-dns-name", eni -> {
                String name = view.get().publicDnsName(eni.vpcId(), eni.publicIp(), eni.region());
                return name.isEmpty() ? null : name;
            })
            .single("attachment.attach-time", eni -> eni.attachment() == null ? null
                    : dev.gureum.core.Timestamps.iso(eni.attachment().attachTime()))
            .absent("requester-id", "ipv6-addresses.ipv6-address")
            .many("addresses.private-ip-address", eni -> eni.privateAddresses().stream()
                    .map(NetworkInterface.PrivateAddress::address).toList())
            .many("addresses.primary", eni -> eni.privateAddresses().stream()
                    .map(address -> Boolean.toString(address.primary())).toList())
            .single("association.public-ip", NetworkInterface::publicIp)
            .single("association.allocation-id", eni -> eni.publicAddress() == null ? null
                    : eni.publicAddress().allocationId())
            .single("association.association-id", eni -> eni.publicAddress() == null ? null
                    : eni.publicAddress().associationId())
            .single("attachment.attachment-id", eni -> eni.attachment() == null ? null : eni.attachment().id())
            .single("attachment.instance-id", eni -> eni.attachment() == null ? null : eni.attachment().instanceId())
            .single("attachment.instance-owner-id", eni -> eni.attachment() == null ? null
                    : eni.attachment().instanceOwnerId())
            .single("attachment.device-index", eni -> eni.attachment() == null ? null : eni.attachment().deviceIndex())
            .single("attachment.status", eni -> eni.attachment() == null ? null : "attached")
            .single("attachment.delete-on-termination", eni -> eni.attachment() == null ? null
                    : eni.attachment().deleteOnTermination())
            .single("availability-zone", NetworkInterface::availabilityZone)
            .single("description", NetworkInterface::description)
            .many("group-id", NetworkInterface::groupIds)
            .fixed("interface-type", "interface")
            .single("mac-address", NetworkInterface::macAddress)
            .single("network-interface-id", NetworkInterface::id)
            .single("owner-id", NetworkInterface::ownerId)
            .many("private-ip-address", eni -> eni.privateAddresses().stream()
                    .map(NetworkInterface.PrivateAddress::address).toList())
            .single("private-dns-name", eni -> NetworkNames.privateDnsName(eni.primaryPrivateAddress(), eni.region()))
            .fixed("requester-managed", "false")
            .single("source-dest-check", NetworkInterface::sourceDestCheck)
            .single("status", NetworkInterface::status)
            .single("subnet-id", NetworkInterface::subnetId)
            .single("vpc-id", NetworkInterface::vpcId)
            .tags(NetworkInterface::tags)
            .build();
    }
}
