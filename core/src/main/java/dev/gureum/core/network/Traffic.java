package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;

/**
 * What a security group rule lets through besides its peer: an IP protocol and a range within it. For
 * tcp and udp the range is of ports (both ends required, 0–65535, from ≤ to); for icmp and icmpv6 it is
 * an ICMP type and code (-1 for all; all types means all codes; icmpv6 may leave both out); for every
 * other protocol EC2 ignores what was given and stores -1/-1, as it does for all protocols ({@code -1}).
 */
record Traffic(String protocol, int fromPort, int toPort) {
    private static final int HIGHEST_PORT = 65535;
    private static final int HIGHEST_ICMP_VALUE = 255;

    /** The traffic a request names, checked and in EC2's stored form. */
    static Traffic of(String protocol, Integer fromPort, Integer toPort) {
        String normalized = IpProtocols.normalize(protocol);
        if (IpProtocols.hasPorts(normalized)) {
            return ports(normalized, fromPort, toPort);
        }
        if (IpProtocols.isIcmp(normalized)) {
            return icmp(normalized, fromPort, toPort);
        }
        return new Traffic(normalized, -1, -1);
    }

    private static Traffic ports(String protocol, Integer fromPort, Integer toPort) {
        if (fromPort == null || toPort == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(
                    "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
        }
        for (int port : new int[] {fromPort, toPort}) {
            if (port < 0 || port > HIGHEST_PORT) {
                throw Ec2Error.INVALID_PERMISSION_MALFORMED.exception("TCP/UDP port (" + port + ") out of range");
            }
        }
        if (fromPort > toPort) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value 'The from port (" + fromPort
                    + ") must not be greater than the to port (" + toPort + ").' for portRange.");
        }
        return new Traffic(protocol, fromPort, toPort);
    }

    private static Traffic icmp(String protocol, Integer type, Integer code) {
        if (type == null && code == null && IpProtocols.ICMPV6.equals(protocol)) {
            return new Traffic(protocol, -1, -1);
        }
        if (type == null || code == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(
                    "Invalid value 'Must specify both from and to ports with ICMP.' for portRange.");
        }
        if (type < -1 || type > HIGHEST_ICMP_VALUE) {
            throw Ec2Error.INVALID_PERMISSION_MALFORMED.exception("ICMP type (" + type + ") out of range");
        }
        if (code < -1 || code > HIGHEST_ICMP_VALUE) {
            throw Ec2Error.INVALID_PERMISSION_MALFORMED.exception("ICMP code (" + code + ") out of range");
        }
        if (type == -1 && code != -1) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(
                    "Invalid value 'All ICMP types (-1) require all ICMP codes (-1).' for portRange.");
        }
        return new Traffic(protocol, type, code);
    }

    /**
     * The middle of EC2's rule text in InvalidPermission.Duplicate, e.g. {@code TCP, from port: 22, to
     * port: 22} or {@code ALL}.
     */
    String label() {
        String name = IpProtocols.label(protocol);
        if (IpProtocols.hasPorts(protocol)) {
            return name + ", from port: " + fromPort + ", to port: " + toPort;
        }
        if (IpProtocols.isIcmp(protocol)) {
            return name + ", type: " + fromPort + ", code: " + toPort;
        }
        return name;
    }
}
