package dev.gureum.server.ec2;

import dev.gureum.core.network.InstanceNetworkView;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkNames;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;

/**
 * Network interfaces as DescribeNetworkInterfaces shows them and as they appear inside an instance. A pool
 * address is owned by {@code amazon}; an Elastic IP by the account.
 */
final class InterfaceShapes {
    private InterfaceShapes() {
    }

    static software.amazon.awssdk.services.ec2.model.NetworkInterface networkInterface(NetworkInterface eni,
                                                                                      InstanceNetworkView view) {
        String publicDns = view.publicDnsName(eni.vpcId(), eni.publicIp(), eni.region());
        NetworkInterfaceAssociation association = eni.publicAddress() == null ? null
                : NetworkInterfaceAssociation.builder()
                        .publicIp(eni.publicIp())
                        .publicDnsName(publicDns)
                        .ipOwnerId(eni.ipOwnerId())
                        .allocationId(eni.publicAddress().allocationId())
                        .associationId(eni.publicAddress().associationId())
                        .build();
        return software.amazon.awssdk.services.ec2.model.NetworkInterface.builder()
                .networkInterfaceId(eni.id())
                .subnetId(eni.subnetId())
                .vpcId(eni.vpcId())
                .availabilityZone(eni.availabilityZone())
                .description(eni.description())
                .ownerId(eni.ownerId())
                .requesterManaged(false)
                .status(eni.status())
                .macAddress(eni.macAddress())
                .privateIpAddress(eni.primaryPrivateAddress())
                .privateDnsName(NetworkNames.privateDnsName(eni.primaryPrivateAddress(), eni.region()))
                .sourceDestCheck(eni.sourceDestCheck())
                .interfaceType("interface")
                .groups(groups(eni, view))
                .attachment(eni.attachment() == null ? null : NetworkInterfaceAttachment.builder()
                        .attachmentId(eni.attachment().id())
                        .instanceId(eni.attachment().instanceId())
                        .instanceOwnerId(eni.attachment().instanceOwnerId())
                        .deviceIndex(eni.attachment().deviceIndex())
                        .networkCardIndex(0)
                        .status("attached")
                        .attachTime(eni.attachment().attachTime())
                        .deleteOnTermination(eni.attachment().deleteOnTermination())
                        .build())
                .association(association)
                .privateIpAddresses(eni.privateAddresses().stream().map(address ->
                        NetworkInterfacePrivateIpAddress.builder()
                                .privateIpAddress(address.address())
                                .privateDnsName(NetworkNames.privateDnsName(address.address(), eni.region()))
                                .primary(address.primary())
                                .association(address.primary() ? association : null)
                                .build()).toList())
                .tagSet(Tags.toSdk(eni.tags()))
                .build();
    }

    static InstanceNetworkInterface ofInstance(NetworkInterface eni, InstanceNetworkView view) {
        InstanceNetworkInterfaceAssociation association = eni.publicAddress() == null ? null
                : InstanceNetworkInterfaceAssociation.builder()
                        .publicIp(eni.publicIp())
                        .publicDnsName(view.publicDnsName(eni.vpcId(), eni.publicIp(), eni.region()))
                        .ipOwnerId(eni.ipOwnerId())
                        .build();
        return InstanceNetworkInterface.builder()
                .networkInterfaceId(eni.id())
                .subnetId(eni.subnetId())
                .vpcId(eni.vpcId())
                .description(eni.description())
                .ownerId(eni.ownerId())
                .status(eni.status())
                .macAddress(eni.macAddress())
                .privateIpAddress(eni.primaryPrivateAddress())
                .privateDnsName(NetworkNames.privateDnsName(eni.primaryPrivateAddress(), eni.region()))
                .sourceDestCheck(eni.sourceDestCheck())
                .interfaceType("interface")
                .groups(groups(eni, view))
                .attachment(InstanceNetworkInterfaceAttachment.builder()
                        .attachmentId(eni.attachment().id())
                        .deviceIndex(eni.attachment().deviceIndex())
                        .networkCardIndex(0)
                        .status("attached")
                        .attachTime(eni.attachment().attachTime())
                        .deleteOnTermination(eni.attachment().deleteOnTermination())
                        .build())
                .association(association)
                .privateIpAddresses(eni.privateAddresses().stream().map(address -> InstancePrivateIpAddress.builder()
                        .privateIpAddress(address.address())
                        .privateDnsName(NetworkNames.privateDnsName(address.address(), eni.region()))
                        .primary(address.primary())
                        .association(address.primary() ? association : null)
                        .build()).toList())
                .build();
    }

    static List<GroupIdentifier> groups(NetworkInterface eni, InstanceNetworkView view) {
        return eni.groupIds().stream()
                .map(id -> GroupIdentifier.builder().groupId(id).groupName(view.groupName(id)).build()).toList();
    }
}
