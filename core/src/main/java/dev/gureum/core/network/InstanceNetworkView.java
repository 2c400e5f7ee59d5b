package dev.gureum.core.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network as one Describe call sees it: the account's interfaces by the instance they are attached
 * to, group names, which VPCs give public DNS names and the zone ids of subnets. Read once per call, so describing a thousand
 * instances reads each kind of record once.
 */
public final class InstanceNetworkView {
    private final Map<String, List<NetworkInterface>> byInstance = new HashMap<>();
    private final Map<String, String> groupNames = new HashMap<>();
    private final Map<String, Boolean> publicDnsByVpc = new HashMap<>();
    private final Map<String, String> zoneIdBySubnet = new HashMap<>();

    InstanceNetworkView(List<NetworkInterface> interfaces, List<SecurityGroup> groups, List<Vpc> vpcs,
                        List<Subnet> subnets) {
        for (NetworkInterface eni : interfaces) {
            if (eni.attachment() != null) {
                byInstance.computeIfAbsent(eni.attachment().instanceId(), unused -> new ArrayList<>()).add(eni);
            }
        }
        byInstance.values().forEach(list -> list.sort(Comparator.comparingInt(eni -> eni.attachment().deviceIndex())));
        groups.forEach(group -> groupNames.put(group.id(), group.name()));
        vpcs.forEach(vpc -> publicDnsByVpc.put(vpc.id(), vpc.enableDnsSupport() && vpc.enableDnsHostnames()));
        subnets.forEach(subnet -> zoneIdBySubnet.put(subnet.id(), subnet.availabilityZoneId()));
    }

    /** The id of a subnet's availability zone ({@code use1-az1}), or null for a subnet not seen. */
    public String zoneIdOf(String subnetId) {
        return zoneIdBySubnet.get(subnetId);
    }

    /** The instance's interfaces by device index; the first is its primary one. */
    public List<NetworkInterface> interfaces(String instanceId) {
        return byInstance.getOrDefault(instanceId, List.of());
    }

    public NetworkInterface primary(String instanceId) {
        List<NetworkInterface> attached = interfaces(instanceId);
        return attached.isEmpty() ? null : attached.get(0);
    }

    public String groupName(String groupId) {
        return groupNames.get(groupId);
    }

    /** The public DNS name of an address in a VPC, or "" when the VPC gives none. */
    public String publicDnsName(String vpcId, String publicIp, String region) {
        return publicIp != null && givesPublicDns(vpcId) ? NetworkNames.publicDnsName(publicIp, region) : "";
    }

    /** Whether the VPC gives its public addresses DNS names (DNS support and hostnames both enabled). */
    public boolean givesPublicDns(String vpcId) {
        return publicDnsByVpc.getOrDefault(vpcId, false);
    }
}
