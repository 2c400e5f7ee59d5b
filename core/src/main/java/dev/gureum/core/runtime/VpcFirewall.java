package dev.gureum.core.runtime;

import java.util.List;
import java.util.Map;

/**
 * Everything a runtime enforces for one VPC, computed by core from its records after each commit that
 * changes them and handed over whole: a runtime replaces the VPC's previous firewall with this one. Each
 * interface lists the rules of all its groups merged (traffic passes when any rule of its direction allows
 * it); a rule naming a group matches the group's current members, the private addresses in
 * {@code groupMembers}. Only IPv4 peers cross the boundary (the runtimes carry no IPv6 and no prefix
 * lists). Replies to allowed traffic are always allowed (security groups are stateful). Besides the groups:
 * the public addresses mapped one to one onto private ones ({@code publicAddresses}: instances' pool
 * addresses and associated Elastic IPs, the VPC's 1:1 NAT at its internet gateway) and each subnet's
 * network ACL ({@code subnetAcls}, stateless, evaluated lowest rule number first).
 */
public record VpcFirewall(String account, String region, String vpcId, List<InterfaceRules> interfaces,
                          Map<String, List<String>> groupMembers, List<PublicMapping> publicAddresses,
                          List<SubnetAcl> subnetAcls) {

    public VpcFirewall {
        interfaces = List.copyOf(interfaces);
        groupMembers = Map.copyOf(groupMembers);
        publicAddresses = List.copyOf(publicAddresses);
        subnetAcls = List.copyOf(subnetAcls);
    }

    /** Security groups only: no public address, no subnet guarded by an ACL. */
    public VpcFirewall(String account, String region, String vpcId, List<InterfaceRules> interfaces,
                       Map<String, List<String>> groupMembers) {
        this(account, region, vpcId, interfaces, groupMembers, List.of(), List.of());
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

    /**
     * A public address translated one to one to a private address of an interface of the VPC: traffic from
     * the internet to {@code publicIp} is delivered to {@code privateIp}, and what that address sends to the
     * internet leaves from {@code publicIp}.
     */
    public record PublicMapping(String publicIp, String privateIp, String interfaceId) {
    }

    /**
     * The network ACL guarding one subnet: its inbound and outbound entries in evaluation order (lowest rule
     * number first, the first match decides), the catch-all deny included.
     */
    public record SubnetAcl(String subnetId, String cidrBlock, String networkAclId, List<AclRule> ingress,
                            List<AclRule> egress) {
        public SubnetAcl {
            ingress = List.copyOf(ingress);
            egress = List.copyOf(egress);
        }
    }

    /**
     * One ACL entry: a protocol number ({@code -1} for all), the peer block (the source inbound, the
     * destination outbound), allow or deny, a port range for tcp (6) and udp (17) and an ICMP type and code
     * for icmp (1); -1 where a field does not apply or means all.
     */
    public record AclRule(int ruleNumber, String protocol, String cidrIpv4, boolean allow, int fromPort, int toPort,
                          int icmpType, int icmpCode) {
    }
}
