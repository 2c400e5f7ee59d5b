package dev.gureum.runtime.sandbox;

import java.nio.file.Path;

/**
 * The host names of the sandbox's network objects, derived from EC2 ids so a restarted runtime finds
 * what an earlier one made. Namespaces are named in full ({@code gureum-<id>}); interface names must fit
 * Linux's 15 characters, so they carry the id's last 12 hex digits behind a two-letter kind.
 */
final class NetworkNames {
    static final String PREFIX = "gureum-";
    static final String UPLINK = "uplink";
    /** A VPC namespace's end of its internet gateway (see {@link InternetNamespace}). */
    static final String GATEWAY = "igw";
    private static final Path NETNS = Path.of("/run/netns");

    private NetworkNames() {
    }

    static String namespace(String ec2Id) {
        return PREFIX + ec2Id;
    }

    static Path namespacePath(String ec2Id) {
        return NETNS.resolve(namespace(ec2Id));
    }

    /** The host's end of a VPC namespace's uplink. */
    static String hostUplink(String vpcId) {
        return "gu" + tail(vpcId);
    }

    /** The internet namespace's end of a VPC's internet gateway. */
    static String internetGateway(String vpcId) {
        return "ig" + tail(vpcId);
    }

    /** A subnet's bridge, in its VPC's namespace. */
    static String bridge(String subnetId) {
        return "br" + tail(subnetId);
    }

    /** The VPC end of an instance's veth (the instance's end is eth0 in its own namespace). */
    static String instancePort(String instanceId) {
        return "vi" + tail(instanceId);
    }

    private static String tail(String id) {
        String hex = id.substring(id.indexOf('-') + 1);
        return hex.length() <= 12 ? hex : hex.substring(hex.length() - 12);
    }
}
