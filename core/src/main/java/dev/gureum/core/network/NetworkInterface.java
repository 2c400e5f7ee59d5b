package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An elastic network interface: where an instance meets its subnet. It holds private addresses from the
 * subnet (one primary), the security groups that filter its traffic, at most one attachment to an
 * instance, and the public address mapped to its primary private address: one drawn from the pool when
 * the instance starts ({@code autoPublicIp}, released when it stops) or an Elastic IP (kept across stops).
 * An instance's primary interface also lists the interfaces attached to the instance after it
 * ({@code secondaryInterfaceIds}), so everything attached to an instance is found by key.
 */
public record NetworkInterface(
        String id,
        String ownerId,
        String region,
        String vpcId,
        String subnetId,
        String availabilityZone,
        String macAddress,
        List<PrivateAddress> privateAddresses,
        List<String> groupIds,
        boolean sourceDestCheck,
        String description,
        boolean autoPublicIp,
        PublicAddress publicAddress,
        Attachment attachment,
        List<String> secondaryInterfaceIds,
        List<Tag> tags) {

    /** A private address of the interface; exactly one is primary. */
    public record PrivateAddress(String address, boolean primary) {
    }

    /**
     * The public address mapped to the primary private address: {@code allocationId} and
     * {@code associationId} name an Elastic IP; both are null for an address drawn from the pool.
     */
    public record PublicAddress(String publicIp, String allocationId, String associationId) {
        public boolean isElastic() {
            return allocationId != null;
        }
    }

    /** The interface's attachment to an instance at a device index (0 is the primary interface). */
    public record Attachment(String id, String instanceId, String instanceOwnerId, int deviceIndex,
                             boolean deleteOnTermination, Instant attachTime) {
    }

    public NetworkInterface {
        privateAddresses = privateAddresses == null ? List.of() : List.copyOf(privateAddresses);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        secondaryInterfaceIds = secondaryInterfaceIds == null ? List.of() : List.copyOf(secondaryInterfaceIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A locally administered MAC address, as EC2 gives interfaces ({@code 02:…}). */
    public static String newMacAddress() {
        byte[] random = new byte[5];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
        return "02:" + java.util.HexFormat.ofDelimiter(":").formatHex(random);
    }

    /** A plain loop: every Describe of instances asks this of each instance's interfaces. */
    public String primaryPrivateAddress() {
        for (PrivateAddress address : privateAddresses) {
            if (address.primary()) {
                return address.address();
            }
        }
        throw new java.util.NoSuchElementException("interface " + id + " has no primary private address");
    }

    public String status() {
        return attachment == null ? "available" : "in-use";
    }

    public String publicIp() {
        return publicAddress == null ? null : publicAddress.publicIp();
    }

    /**
     * Who owns the interface's public address, as EC2's {@code IpOwnerId} says it: the account for an Elastic IP,
     * {@code amazon} for one drawn at launch; null without a public address.
     */
    public String ipOwnerId() {
        return publicAddress == null ? null : publicAddress.isElastic() ? ownerId : "amazon";
    }

    public NetworkInterface withPublicAddress(PublicAddress address) {
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, privateAddresses,
                groupIds, sourceDestCheck, description, autoPublicIp, address, attachment, secondaryInterfaceIds, tags);
    }

    public NetworkInterface withAttachment(Attachment newAttachment) {
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, privateAddresses,
                groupIds, sourceDestCheck, description, autoPublicIp, publicAddress, newAttachment, secondaryInterfaceIds, tags);
    }

    public NetworkInterface withGroups(List<String> newGroupIds) {
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, privateAddresses,
                newGroupIds, sourceDestCheck, description, autoPublicIp, publicAddress, attachment, secondaryInterfaceIds, tags);
    }

    public NetworkInterface withSourceDestCheck(boolean check) {
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, privateAddresses,
                groupIds, check, description, autoPublicIp, publicAddress, attachment, secondaryInterfaceIds, tags);
    }

    public NetworkInterface withDescription(String newDescription) {
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, privateAddresses,
                groupIds, sourceDestCheck, newDescription, autoPublicIp, publicAddress, attachment, secondaryInterfaceIds, tags);
    }

    public NetworkInterface withSecondaryAddresses(List<String> added, List<String> removed) {
        List<PrivateAddress> addresses = new ArrayList<>();
        for (PrivateAddress address : privateAddresses) {
            if (address.primary() || !removed.contains(address.address())) {
                addresses.add(address);
            }
        }
        added.forEach(address -> addresses.add(new PrivateAddress(address, false)));
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, addresses,
                groupIds, sourceDestCheck, description, autoPublicIp, publicAddress, attachment, secondaryInterfaceIds, tags);
    }

    /** The interface let go by a terminated instance: no attachment, no pool address, nothing attached after it. */
    public NetworkInterface detached() {
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, privateAddresses,
                groupIds, sourceDestCheck, description, autoPublicIp, null, null, List.of(), tags);
    }

    /** The primary interface's list of interfaces attached after it, with one added or removed. */
    public NetworkInterface withSecondaryInterface(String interfaceId, boolean attached) {
        List<String> ids = new ArrayList<>(secondaryInterfaceIds);
        ids.remove(interfaceId);
        if (attached) {
            ids.add(interfaceId);
        }
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, privateAddresses,
                groupIds, sourceDestCheck, description, autoPublicIp, publicAddress, attachment, ids, tags);
    }

    public NetworkInterface withTags(List<Tag> newTags) {
        return new NetworkInterface(id, ownerId, region, vpcId, subnetId, availabilityZone, macAddress, privateAddresses,
                groupIds, sourceDestCheck, description, autoPublicIp, publicAddress, attachment, secondaryInterfaceIds, newTags);
    }
}
