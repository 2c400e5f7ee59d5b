package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;
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
     * The permissions of the older top-level parameters of AuthorizeSecurityGroupIngress and
     * RevokeSecurityGroupIngress (IpProtocol, FromPort, ToPort, CidrIp, SourceSecurityGroupName and
     * SourceSecurityGroupOwnerId), none when none were given. A source group without a protocol grants
     * full ICMP, TCP and UDP access, as the EC2 API reference says; a CidrIp may not come with a group.
     * The outbound operations do not support these parameters.
     */
    public static List<Permission> ofTopLevelParameters(Direction direction, String protocol, Integer fromPort,
                                                        Integer toPort, String cidrIp, String sourceGroupName,
                                                        String sourceGroupOwnerId) {
        boolean group = sourceGroupName != null || sourceGroupOwnerId != null;
        if (protocol == null && fromPort == null && toPort == null && cidrIp == null && !group) {
            return List.of();
        }
        if (direction.egress()) {
            throw Ec2Error.UNSUPPORTED.exception("IpProtocol, FromPort, ToPort, CidrIp and the source group "
                    + "parameters are not supported for outbound rules; use IpPermissions.");
        }
        if (group && cidrIp != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(
                    "The parameter cidrIp cannot be used with the parameter sourceSecurityGroupName");
        }
        if (!group) {
            return List.of(new Permission(protocol, fromPort, toPort,
                    cidrIp == null ? List.of() : List.of(Peer.ipv4(cidrIp, null))));
        }
        List<Peer> source = List.of(Peer.group(null, sourceGroupName, sourceGroupOwnerId, null));
        if (protocol != null) {
            return List.of(new Permission(protocol, fromPort, toPort, source));
        }
        return List.of(new Permission(IpProtocols.ICMP, -1, -1, source),
                new Permission(IpProtocols.TCP, 0, 65535, source), new Permission(IpProtocols.UDP, 0, 65535, source));
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
