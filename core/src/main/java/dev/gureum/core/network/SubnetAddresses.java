package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;
import java.util.List;

/** Picking private addresses in a subnet for interfaces, with EC2's refusals. */
final class SubnetAddresses {
    private SubnetAddresses() {
    }

    /** The address asked for (one interface only), or the subnet's {@code count} lowest free ones. */
    static List<Long> take(Subnet subnet, String privateIp, int count) {
        if (privateIp != null) {
            if (count != 1) {
                throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("A private IP address can only be given for a"
                        + " launch of one instance.");
            }
            return List.of(requested(subnet, privateIp));
        }
        List<Long> free = subnet.freeAddresses(count);
        if (free.size() < count) {
            throw Ec2Error.INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET.exception("There are not enough free addresses in"
                    + " subnet '" + subnet.id() + "' to satisfy the requested number of instances.");
        }
        return free;
    }

    /** An address a caller named: a valid address of the subnet, not reserved, not taken. */
    static long requested(Subnet subnet, String text) {
        long address = Ipv4Cidr.parseAddress(text);
        if (address < 0) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + text
                    + ") for parameter privateIpAddress is invalid. This is not a valid IP address.");
        }
        if (!subnet.isAssignable(address)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Address " + text
                    + " does not fall within the subnet's address range");
        }
        if (subnet.isAllocated(address)) {
            throw Ec2Error.INVALID_IP_ADDRESS_IN_USE.exception("Address " + text + " is in use.");
        }
        return address;
    }

    /** Every private address an interface holds. */
    static List<Long> of(NetworkInterface eni) {
        return eni.privateAddresses().stream().map(address -> Ipv4Cidr.parseAddress(address.address())).toList();
    }
}
