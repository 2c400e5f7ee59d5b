package dev.gureum.core.runtime;

import java.util.List;
import java.util.Map;

/**
 * Everything a runtime enforces for one VPC's security groups, computed by core from its records after
 * each commit that changes them and handed over whole: a runtime replaces the VPC's previous firewall with
 * this one. Each interface lists the rules of all its groups merged (traffic passes when any rule of its
 * direction allows it); a rule naming a group matches the group's current members, the private addresses
 * in {@code groupMembers}. Only IPv4 peers cross the boundary (the runtimes carry no IPv6 and no prefix
 * lists). Replies to allowed traffic are always allowed (security groups are stateful).
 */
public record VpcFirewall(String account, String region, String vpcId, List<InterfaceRules> interfaces,
                          Map<String, List<String>> groupMembers) {

    public VpcFirewall {
        interfaces = List.copyOf(interfaces);
        groupMembers = Map.copyOf(groupMembers);
    }

    /**
     * One network interface: its private addresses (the only source addresses it may use), its MAC address,
     * the instance it is attached to at {@code deviceIndex} (null and -1 when detached) and its rules.
     */
    public record InterfaceRules(String interfaceId, String instanceId, int deviceIndex, String macAddress,
                                 List<String> privateAddresses, List<Rule> inbound, List<Rule> outbound) {
        public InterfaceRules {
            privateAddresses = List.copyOf(privateAddresses);
            inbound = List.copyOf(inbound);
            outbound = List.copyOf(outbound);
        }
    }

    /**
     * One allowed flow: a protocol ({@code -1} for all, {@code tcp}, {@code udp}, {@code icmp} or a protocol
     * number), a port range (for ICMP the type and code; -1 for all) and exactly one peer, an IPv4 block or
     * a group of the VPC ({@code groupMembers} holds its addresses).
     */
    public record Rule(String protocol, int fromPort, int toPort, String cidrIpv4, String groupId) {
    }
}
