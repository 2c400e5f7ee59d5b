package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An interface's secondary private addresses: AssignPrivateIpAddresses (named, with AllowReassignment moving them
 * from another interface of the subnet, or a number of the subnet's free ones) and UnassignPrivateIpAddresses. The
 * subnet's allocation and the interface change in one batch.
 */
public final class InterfaceAddresses {
    private final Store store;
    private final DefaultVpcs defaults;
    private final Records<NetworkInterface> interfaces;
    private final Records<Subnet> subnets;

    public InterfaceAddresses(Store store, DefaultVpcs defaults) {
        this.store = store;
        this.defaults = defaults;
        this.interfaces = new Records<>(store, NetworkRecords.NETWORK_INTERFACES, IdKind.NETWORK_INTERFACE,
                NetworkInterface::id);
        this.subnets = new Records<>(store, NetworkRecords.SUBNETS, IdKind.SUBNET, Subnet::id);
    }

    /** Secondary addresses are named or counted, never both (a launch, an interface made, an assignment). */
    public static void requireNamedOrCounted(List<String> named, Integer count) {
        if (!named.isEmpty() && count != null && count > 0) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Specify secondary private IP addresses or a"
                    + " number of them, not both.");
        }
    }

    /** AssignPrivateIpAddresses: the addresses named, or {@code count} of the subnet's free ones; answers them. */
    public List<String> assignPrivateAddresses(RequestContext context, String interfaceId, List<String> requested,
                                               Integer count, boolean allowReassignment) {
        defaults.ensure(context);
        requireNamedOrCounted(requested, count);
        Versioned<NetworkInterface> found = interfaces.require(context, interfaceId);
        NetworkInterface eni = found.value();
        Versioned<Subnet> subnet = subnets.require(context, eni.subnetId());
        List<Long> addresses = new ArrayList<>();
        WriteBatch batch = new WriteBatch();
        if (!requested.isEmpty()) {
            for (String address : requested) {
                Optional<Versioned<NetworkInterface>> holder = allowReassignment
                        ? secondaryHolder(context, eni, address) : Optional.empty();
                if (holder.isPresent()) {
                    // reassigned: it stays allocated in the subnet, and moves from the other interface to this one
                    batch.put(NetworkRecords.NETWORK_INTERFACES, holder.get().key(), holder.get().version(),
                            holder.get().value().withSecondaryAddresses(List.of(), List.of(address)));
                    addresses.add(Ipv4Cidr.parseAddress(address));
                } else {
                    addresses.add(SubnetAddresses.requested(subnet.value(), address));
                }
            }
        } else if (count != null && count > 0) {
            if ((long) eni.privateAddresses().size() + count > NetworkInterfaceService.MAX_ADDRESSES_PER_INTERFACE) {
                throw Ec2Error.PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED.exception("Number of private addresses will exceed"
                        + " limit.");
            }
            addresses.addAll(SubnetAddresses.take(subnet.value(), null, count));
        } else {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter PrivateIpAddress or"
                    + " SecondaryPrivateIpAddressCount");
        }
        if (eni.privateAddresses().size() + addresses.size() > NetworkInterfaceService.MAX_ADDRESSES_PER_INTERFACE) {
            throw Ec2Error.PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED.exception("Number of private addresses will exceed limit.");
        }
        List<String> assigned = addresses.stream().map(Ipv4Cidr::formatAddress).toList();
        commit(context, batch
                .put(NetworkRecords.SUBNETS, subnet.key(), subnet.version(), subnet.value().withAllocated(addresses, true))
                .put(NetworkRecords.NETWORK_INTERFACES, found.key(), found.version(),
                        eni.withSecondaryAddresses(assigned, List.of())));
        return assigned;
    }

    /**
     * Another interface of the subnet that holds {@code address} as a secondary address, which AllowReassignment
     * moves; a primary address, or one an Elastic IP is associated with, is never moved.
     */
    private Optional<Versioned<NetworkInterface>> secondaryHolder(RequestContext context, NetworkInterface eni,
                                                                  String address) {
        return store.list(NetworkRecords.NETWORK_INTERFACES, context.account(), context.region()).stream()
                .filter(other -> !other.value().id().equals(eni.id())
                        && other.value().subnetId().equals(eni.subnetId()))
                .filter(other -> other.value().privateAddresses().stream()
                        .anyMatch(held -> held.address().equals(address) && !held.primary()))
                .findFirst()
                .filter(holder -> store.list(NetworkRecords.ELASTIC_ADDRESSES, context.account(), context.region())
                        .stream().map(Versioned::value).noneMatch(elastic -> address.equals(elastic.privateIpAddress())
                                && holder.value().id().equals(elastic.networkInterfaceId())));
    }

    public void unassignPrivateAddresses(RequestContext context, String interfaceId, List<String> addresses) {
        defaults.ensure(context);
        Versioned<NetworkInterface> found = interfaces.require(context, interfaceId);
        NetworkInterface eni = found.value();
        List<String> secondary = eni.privateAddresses().stream().filter(address -> !address.primary())
                .map(NetworkInterface.PrivateAddress::address).toList();
        if (addresses.isEmpty() || !secondary.containsAll(addresses)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Some of the specified addresses are not assigned to"
                    + " interface " + interfaceId);
        }
        Versioned<Subnet> subnet = subnets.require(context, eni.subnetId());
        commit(context, new WriteBatch()
                .put(NetworkRecords.SUBNETS, subnet.key(), subnet.version(), subnet.value().withAllocated(
                        addresses.stream().map(Ipv4Cidr::parseAddress).toList(), false))
                .put(NetworkRecords.NETWORK_INTERFACES, found.key(), found.version(),
                        eni.withSecondaryAddresses(List.of(), addresses)));
    }

    private void commit(RequestContext context, WriteBatch batch) {
        NetworkWrites.commit(store, context, batch, "network interface or its subnet");
    }
}
