package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A network ACL of a VPC: the stateless second firewall, its numbered entries in both directions, and
 * the subnets it guards. Every subnet is associated with exactly one ACL; the VPC's default ACL takes
 * those nobody else has.
 */
public record NetworkAcl(String id, String ownerId, String region, String vpcId, boolean isDefault,
                         List<NetworkAclEntry> entries, List<Association> associations, List<Tag> tags) {

    /** A subnet's association with this ACL. */
    public record Association(String id, String subnetId) {
    }

    public NetworkAcl {
        entries = entries == null ? List.of() : entries.stream()
                .sorted(Comparator.comparing(NetworkAclEntry::egress).thenComparingInt(NetworkAclEntry::ruleNumber))
                .toList();
        associations = associations == null ? List.of() : List.copyOf(associations);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public NetworkAcl withEntries(List<NetworkAclEntry> newEntries) {
        return new NetworkAcl(id, ownerId, region, vpcId, isDefault, newEntries, associations, tags);
    }

    public NetworkAcl withAssociation(Association association) {
        List<Association> all = new ArrayList<>(associations);
        all.add(association);
        return new NetworkAcl(id, ownerId, region, vpcId, isDefault, entries, all, tags);
    }

    public NetworkAcl withoutSubnet(String subnetId) {
        return new NetworkAcl(id, ownerId, region, vpcId, isDefault, entries,
                associations.stream().filter(association -> !association.subnetId().equals(subnetId)).toList(), tags);
    }

    public NetworkAcl withTags(List<Tag> newTags) {
        return new NetworkAcl(id, ownerId, region, vpcId, isDefault, entries, associations, newTags);
    }
}
