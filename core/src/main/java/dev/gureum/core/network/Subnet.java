package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.util.BitSet;
import java.util.List;

/**
 * A subnet: a block of its VPC's range in one availability zone, with the private addresses handed out
 * in it. {@code allocated} is a bit per address of the block (bit {@code n} is the block's {@code n}-th
 * address); EC2's five reserved addresses (the first four and the last) are never handed out, so the
 * free count is exact. Every allocation rewrites the subnet under compare-and-set, so two launches can
 * never take the same address.
 */
public record Subnet(
        String id,
        String ownerId,
        String region,
        String vpcId,
        String cidrBlock,
        String availabilityZone,
        String availabilityZoneId,
        boolean defaultForAz,
        boolean mapPublicIpOnLaunch,
        byte[] allocated,
        List<Tag> tags) {
    /** The addresses EC2 keeps for itself in every subnet: network, router, DNS, future use, broadcast. */
    public static final int RESERVED_ADDRESSES = 5;
    private static final int FIRST_USABLE_OFFSET = 4;

    public Subnet {
        allocated = allocated == null ? new byte[0] : allocated.clone();
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public Ipv4Cidr cidr() {
        return Ipv4Cidr.parseOrNull(cidrBlock);
    }

    /** Free addresses, as DescribeSubnets' AvailableIpAddressCount shows them. */
    public long availableAddressCount() {
        return cidr().size() - RESERVED_ADDRESSES - BitSet.valueOf(allocated).cardinality();
    }

    public boolean isAllocated(long address) {
        return BitSet.valueOf(allocated).get(offset(cidr(), address));
    }

    /** Whether a caller may ask for this address: inside the block and not one of the reserved five. */
    public boolean isAssignable(long address) {
        Ipv4Cidr block = cidr();
        return block.contains(address) && address - block.network() >= FIRST_USABLE_OFFSET
                && address != block.network() + block.size() - 1;
    }

    /** The lowest free addresses, up to {@code count}; fewer when the subnet runs out. */
    public List<Long> freeAddresses(int count) {
        Ipv4Cidr block = cidr();
        BitSet used = BitSet.valueOf(allocated);
        java.util.ArrayList<Long> free = new java.util.ArrayList<>((int) Math.min(count, block.size()));
        long last = block.size() - 1;
        for (int offset = used.nextClearBit(FIRST_USABLE_OFFSET); offset < last && free.size() < count;
                offset = used.nextClearBit(offset + 1)) {
            free.add(block.network() + offset);
        }
        return free;
    }

    public Subnet withAllocated(List<Long> addresses, boolean taken) {
        Ipv4Cidr block = cidr();
        BitSet used = BitSet.valueOf(allocated);
        addresses.forEach(address -> used.set(offset(block, address), taken));
        return new Subnet(id, ownerId, region, vpcId, cidrBlock, availabilityZone, availabilityZoneId, defaultForAz,
                mapPublicIpOnLaunch, used.toByteArray(), tags);
    }

    public Subnet withMapPublicIpOnLaunch(boolean map) {
        return new Subnet(id, ownerId, region, vpcId, cidrBlock, availabilityZone, availabilityZoneId, defaultForAz,
                map, allocated, tags);
    }

    public Subnet withTags(List<Tag> newTags) {
        return new Subnet(id, ownerId, region, vpcId, cidrBlock, availabilityZone, availabilityZoneId, defaultForAz,
                mapPublicIpOnLaunch, allocated, newTags);
    }

    @Override
    public byte[] allocated() {
        return allocated.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Subnet subnet && subnet.id.equals(id) && subnet.ownerId.equals(ownerId)
                && subnet.region.equals(region) && subnet.vpcId.equals(vpcId) && subnet.cidrBlock.equals(cidrBlock)
                && subnet.availabilityZone.equals(availabilityZone) && subnet.defaultForAz == defaultForAz
                && subnet.mapPublicIpOnLaunch == mapPublicIpOnLaunch
                && java.util.Arrays.equals(subnet.allocated, allocated) && subnet.tags.equals(tags);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Subnet[" + id + " " + cidrBlock + " in " + vpcId + "]";
    }

    private static int offset(Ipv4Cidr block, long address) {
        if (!block.contains(address)) {
            throw new IllegalArgumentException(Ipv4Cidr.formatAddress(address) + " is outside " + block);
        }
        return (int) (address - block.network());
    }
}
