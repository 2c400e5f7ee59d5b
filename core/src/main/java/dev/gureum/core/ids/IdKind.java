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
    NETWORK_INTERFACE("eni", Ec2Error.NETWORK_INTERFACE_ID_MALFORMED, Ec2Error.NETWORK_INTERFACE_ID_NOT_FOUND, "network interface");

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

    /** The kind whose ids start with {@code id}'s prefix, or null. */
    public static IdKind ofId(String id) {
        int dash = id.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        String prefix = id.substring(0, dash);
        for (IdKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        return null;
    }
}
