package dev.gureum.core.network;

import java.util.List;

/**
 * What RunInstances asks of the network, from its top-level parameters or its first NetworkInterfaces
 * entry: a subnet (else the default subnet of the chosen zone), security groups by id or name (else the
 * VPC's default group), a private address (one instance only), whether to map a public address
 * (null: as the subnet's MapPublicIpOnLaunch says), and the interface's secondary private addresses: those
 * named (one instance only) or a number of them each.
 */
public record LaunchNetwork(String subnetId, List<String> groupIds, List<String> groupNames, String privateIpAddress,
                            Boolean associatePublicIpAddress, List<String> secondaryAddresses, int secondaryCount) {
    public static final LaunchNetwork DEFAULTS = new LaunchNetwork(null, List.of(), List.of(), null, null);

    public LaunchNetwork {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        groupNames = groupNames == null ? List.of() : List.copyOf(groupNames);
        secondaryAddresses = secondaryAddresses == null ? List.of() : List.copyOf(secondaryAddresses);
    }

    /** A network without secondary addresses. */
    public LaunchNetwork(String subnetId, List<String> groupIds, List<String> groupNames, String privateIpAddress,
                         Boolean associatePublicIpAddress) {
        this(subnetId, groupIds, groupNames, privateIpAddress, associatePublicIpAddress, List.of(), 0);
    }

    /** Whether it sets what only a network interface entry can (a private address, a public one, secondaries). */
    public boolean asInterface() {
        return privateIpAddress != null || associatePublicIpAddress != null || !secondaryAddresses.isEmpty()
                || secondaryCount > 0;
    }
}
