package dev.gureum.core.network;

import java.util.List;

/**
 * One IpPermission of a request, as the caller gave it: an IP protocol (name or number), a port range
 * (for ICMP the type and code; either end may be missing) and the peers it applies to. Each peer becomes
 * a rule of its own ({@link PermissionRules}).
 */
public record Permission(String protocol, Integer fromPort, Integer toPort, List<Peer> peers) {

    public Permission {
        peers = peers == null ? List.of() : List.copyOf(peers);
    }

    /**
     * A source or destination of a permission: an IPv4 block, an IPv6 block, a prefix list, or a security
     * group named by id or (default VPC only) by name with the account that owns it; with its description.
     * A caller may set several fields at once; {@link PermissionRules} refuses that.
     */
    public record Peer(String cidrIpv4, String cidrIpv6, String prefixListId, String groupId, String groupName,
                       String userId, String description) {

        public static Peer ipv4(String cidr, String description) {
            return new Peer(cidr, null, null, null, null, null, description);
        }

        public static Peer ipv6(String cidr, String description) {
            return new Peer(null, cidr, null, null, null, null, description);
        }

        public static Peer prefixList(String prefixListId, String description) {
            return new Peer(null, null, prefixListId, null, null, null, description);
        }

        public static Peer group(String groupId, String groupName, String userId, String description) {
            return new Peer(null, null, null, groupId, groupName, userId, description);
        }
    }
}
