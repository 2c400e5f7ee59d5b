package dev.gureum.core.network;

/**
 * One numbered rule of a network ACL, evaluated lowest number first and statelessly: a protocol number
 * ({@code -1} for all, {@code 6} tcp, {@code 17} udp, {@code 1} icmp), a port range for tcp and udp, an
 * ICMP type and code for icmp, a source or destination block, and allow or deny.
 */
public record NetworkAclEntry(int ruleNumber, boolean egress, String protocol, String cidrBlock,
                              String ipv6CidrBlock, boolean allow, Integer fromPort, Integer toPort,
                              Integer icmpType, Integer icmpCode) {
    /** The rule EC2 puts last in every ACL ({@code *} in the console); it can be neither changed nor removed. */
    public static final int CATCH_ALL = 32767;
}
