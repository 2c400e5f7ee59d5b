package dev.gureum.core.network;

import java.util.List;

/**
 * What RunInstances asks of the network, from its top-level parameters or its first NetworkInterfaces
 * entry: a subnet (else the default subnet of the chosen zone), security groups by id or name (else the
 * VPC's default group), a private address (one instance only), whether to map a public address
 * (null: as the subnet's MapPublicIpOnLaunch says), the interface's secondary private addresses: those
 * named (one instance only) or a number of them each, its description and whether it goes with the instance at
 * termination (null: it does).
 */
public record LaunchNetwork(String subnetId, List<String> groupIds, List<String> groupNames, String privateIpAddress,
                            Boolean associatePublicIpAddress, List<String> secondaryAddresses, int secondaryCount,
                            String description, Boolean deleteOnTermination) {
    public static final LaunchNetwork DEFAULTS = new LaunchNetwork(null, List.of(), List.of(), null, null);

    public LaunchNetwork {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        groupNames = groupNames == null ? List.of() : List.copyOf(groupNames);
        secondaryAddresses = secondaryAddresses == null ? List.of() : List.copyOf(secondaryAddresses);
    }

    /** A network without secondary addresses. */
    public LaunchNetwork(String subnetId, List<String> groupIds, List<String> groupNames, String privateIpAddress,
                         Boolean associatePublicIpAddress) {
        this(subnetId, groupIds, groupNames, privateIpAddress, associatePublicIpAddress, List.of(), 0, null, null);
    }

    /** Whether it sets what only a network interface entry can (a private address, a public one, secondaries). */
    public boolean asInterface() {
        return privateIpAddress != null || associatePublicIpAddress != null || !secondaryAddresses.isEmpty()
                || secondaryCount > 0 || description != null || deleteOnTermination != null;
    }
}
