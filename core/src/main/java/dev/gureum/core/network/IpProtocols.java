package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;
import java.util.Locale;

/**
 * The IP protocol of a security group rule as EC2 stores it. A request may give a name (in any case) or
 * an IANA number: tcp, udp, icmp and icmpv6 are kept by name however they came (6, 17, 1, 58), every
 * protocol is {@code -1} (also spelled {@code all}), and any other protocol is kept as its number
 * (e.g. {@code 50} for ESP), for which EC2 allows all ports whatever range is given.
 */
final class IpProtocols {
    static final String ALL = "-1";
    static final String TCP = "tcp";
    static final String UDP = "udp";
    static final String ICMP = "icmp";
    static final String ICMPV6 = "icmpv6";
    private static final int HIGHEST_NUMBER = 255;

    private IpProtocols() {
    }

    /**
     * @throws dev.gureum.core.error.CloudException {@code InvalidParameterValue} for a missing or unknown protocol
     */
    static String normalize(String protocol) {
        if (protocol == null || protocol.isEmpty()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(
                    "Invalid value 'null' for protocol. VPC security group rules must specify protocols explicitly.");
        }
        String name = protocol.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case ALL, "all" -> {
                return ALL;
            }
            case TCP, UDP, ICMP, ICMPV6 -> {
                return name;
            }
            default -> {
                return byNumber(protocol, name);
            }
        }
    }

    private static String byNumber(String given, String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw unknown(given);
        }
        int number = Integer.parseInt(text);
        return switch (number) {
            case 6 -> TCP;
            case 17 -> UDP;
            case 1 -> ICMP;
            case 58 -> ICMPV6;
            default -> {
                if (number > HIGHEST_NUMBER) {
                    throw unknown(given);
                }
                yield Integer.toString(number);
            }
        };
    }

    /** Whether the protocol's rules carry a port range: tcp and udp. */
    static boolean hasPorts(String protocol) {
        return TCP.equals(protocol) || UDP.equals(protocol);
    }

    /** Whether the protocol's rules carry an ICMP type and code instead of ports. */
    static boolean isIcmp(String protocol) {
        return ICMP.equals(protocol) || ICMPV6.equals(protocol);
    }

    /** How EC2's InvalidPermission.Duplicate message names a protocol: TCP, UDP, ICMP, ICMPV6, ALL or its number. */
    static String label(String protocol) {
        return ALL.equals(protocol) ? "ALL" : protocol.toUpperCase(Locale.ROOT);
    }

    private static RuntimeException unknown(String protocol) {
        return Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value '" + protocol
                + "' for IP protocol. Unknown protocol.");
    }
}
