package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.util.List;

/**
 * An Elastic IP: a public address the account holds until it releases it, associated with at most one
 * network interface (and through it an instance). The interface's record carries the same association.
 */
public record ElasticAddress(String allocationId, String ownerId, String region, String publicIp,
                             String associationId, String networkInterfaceId, String privateIpAddress,
                             List<Tag> tags) {

    public ElasticAddress {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isAssociated() {
        return associationId != null;
    }

    public ElasticAddress associated(String newAssociationId, String interfaceId, String privateIp) {
        return new ElasticAddress(allocationId, ownerId, region, publicIp, newAssociationId, interfaceId, privateIp, tags);
    }

    public ElasticAddress disassociated() {
        return new ElasticAddress(allocationId, ownerId, region, publicIp, null, null, null, tags);
    }

    public ElasticAddress withTags(List<Tag> newTags) {
        return new ElasticAddress(allocationId, ownerId, region, publicIp, associationId, networkInterfaceId,
                privateIpAddress, newTags);
    }
}
