package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.util.List;

/** An internet gateway, attached to at most one VPC ({@code attachedVpcId} null when detached). */
public record InternetGateway(String id, String ownerId, String region, String attachedVpcId, List<Tag> tags) {

    public InternetGateway {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public InternetGateway withAttachedVpc(String vpcId) {
        return new InternetGateway(id, ownerId, region, vpcId, tags);
    }

    public InternetGateway withTags(List<Tag> newTags) {
        return new InternetGateway(id, ownerId, region, attachedVpcId, newTags);
    }
}
