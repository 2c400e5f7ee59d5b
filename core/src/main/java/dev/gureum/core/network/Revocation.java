package dev.gureum.core.network;

import java.util.List;

/**
 * What a Revoke did: the rules it removed, and the rules asked for by IpPermissions that the group did not
 * have, which EC2 reports back (UnknownIpPermissions) instead of failing for a group of the default VPC.
 */
public record Revocation(List<GroupRule> revoked, List<SecurityGroupRule> unknown) {

    public Revocation {
        revoked = List.copyOf(revoked);
        unknown = List.copyOf(unknown);
    }
}
