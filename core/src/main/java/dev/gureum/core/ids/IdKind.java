package dev.gureum.core.ids;

import dev.gureum.core.error.Ec2Error;

/**
 * The kinds of EC2 resource id: their prefix and the codes EC2 answers when one is malformed
 * ({@code <family>.Malformed}) or unknown ({@code <family>.NotFound}).
 */
public enum IdKind {
    INSTANCE("i", Ec2Error.INSTANCE_ID_MALFORMED, Ec2Error.INSTANCE_ID_NOT_FOUND, "instance ID"),
    RESERVATION("r", Ec2Error.RESERVATION_ID_MALFORMED, Ec2Error.RESERVATION_ID_NOT_FOUND, "reservation ID"),
    IMAGE("ami", Ec2Error.IMAGE_ID_MALFORMED, Ec2Error.IMAGE_ID_NOT_FOUND, "image id"),
    KEY_PAIR("key", Ec2Error.KEY_PAIR_ID_MALFORMED, Ec2Error.KEY_PAIR_ID_NOT_FOUND, "key pair ID"),
    VOLUME("vol", Ec2Error.VOLUME_ID_MALFORMED, Ec2Error.VOLUME_ID_NOT_FOUND, "volume"),
    SNAPSHOT("snap", Ec2Error.SNAPSHOT_ID_MALFORMED, Ec2Error.SNAPSHOT_ID_NOT_FOUND, "snapshot"),
    SECURITY_GROUP("sg", Ec2Error.SECURITY_GROUP_ID_MALFORMED, Ec2Error.SECURITY_GROUP_ID_NOT_FOUND, "security group"),
    SUBNET("subnet", Ec2Error.SUBNET_ID_MALFORMED, Ec2Error.SUBNET_ID_NOT_FOUND, "subnet ID"),
    VPC("vpc", Ec2Error.VPC_ID_MALFORMED, Ec2Error.VPC_ID_NOT_FOUND, "vpc ID"),
    NETWORK_INTERFACE("eni", Ec2Error.NETWORK_INTERFACE_ID_MALFORMED, Ec2Error.NETWORK_INTERFACE_ID_NOT_FOUND, "networkInterface ID"),
    NETWORK_INTERFACE_ATTACHMENT("eni-attach", Ec2Error.ATTACHMENT_ID_MALFORMED, Ec2Error.ATTACHMENT_ID_NOT_FOUND,
            "network interface attachment ID"),
    INTERNET_GATEWAY("igw", Ec2Error.INTERNET_GATEWAY_ID_MALFORMED, Ec2Error.INTERNET_GATEWAY_ID_NOT_FOUND,
            "internetGateway ID"),
    ROUTE_TABLE("rtb", Ec2Error.ROUTE_TABLE_ID_MALFORMED, Ec2Error.ROUTE_TABLE_ID_NOT_FOUND, "routeTable ID"),
    ROUTE_TABLE_ASSOCIATION("rtbassoc", Ec2Error.ASSOCIATION_ID_NOT_FOUND, Ec2Error.ASSOCIATION_ID_NOT_FOUND,
            "association ID"),
    NETWORK_ACL("acl", Ec2Error.NETWORK_ACL_ID_MALFORMED, Ec2Error.NETWORK_ACL_ID_NOT_FOUND, "networkAcl ID"),
    NETWORK_ACL_ASSOCIATION("aclassoc", Ec2Error.ASSOCIATION_ID_NOT_FOUND, Ec2Error.ASSOCIATION_ID_NOT_FOUND,
            "association ID"),
    DHCP_OPTIONS("dopt", Ec2Error.DHCP_OPTIONS_ID_MALFORMED, Ec2Error.DHCP_OPTIONS_ID_NOT_FOUND, "dhcp options ID"),
    VPC_CIDR_ASSOCIATION("vpc-cidr-assoc", Ec2Error.ASSOCIATION_ID_NOT_FOUND, Ec2Error.ASSOCIATION_ID_NOT_FOUND,
            "association ID"),
    SECURITY_GROUP_RULE("sgr", Ec2Error.SECURITY_GROUP_RULE_ID_MALFORMED, Ec2Error.SECURITY_GROUP_RULE_ID_NOT_FOUND,
            "security group rule ID"),
    PREFIX_LIST("pl", Ec2Error.PREFIX_LIST_ID_MALFORMED, Ec2Error.PREFIX_LIST_ID_NOT_FOUND, "prefix list ID"),
    SPOT_INSTANCE_REQUEST("sir", Ec2Error.SPOT_REQUEST_ID_MALFORMED, Ec2Error.SPOT_REQUEST_ID_NOT_FOUND,
            "spot instance request ID"),
    ELASTIC_IP_ALLOCATION("eipalloc", Ec2Error.ALLOCATION_ID_NOT_FOUND, Ec2Error.ALLOCATION_ID_NOT_FOUND,
            "allocation ID"),
    ELASTIC_IP_ASSOCIATION("eipassoc", Ec2Error.ASSOCIATION_ID_NOT_FOUND, Ec2Error.ASSOCIATION_ID_NOT_FOUND,
            "association ID");

    private final String prefix;
    private final Ec2Error malformed;
    private final Ec2Error notFound;
    private final String noun;

    IdKind(String prefix, Ec2Error malformed, Ec2Error notFound, String noun) {
        this.prefix = prefix;
        this.malformed = malformed;
        this.notFound = notFound;
        this.noun = noun;
    }

    public String prefix() {
        return prefix;
    }

    public Ec2Error malformed() {
        return malformed;
    }

    public Ec2Error notFound() {
        return notFound;
    }

    public String noun() {
        return noun;
    }

    /** The kind whose ids start with {@code id}'s prefix (the longest that matches), or null. */
    public static IdKind ofId(String id) {
        IdKind found = null;
        for (IdKind kind : values()) {
            if (id.startsWith(kind.prefix + "-") && (found == null || kind.prefix.length() > found.prefix.length())) {
                found = kind;
            }
        }
        return found;
    }
}
