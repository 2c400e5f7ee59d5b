package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.runtime.VpcFirewall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VPC's security groups as one nftables script for its namespace, loaded with {@code nft -f}: each table
 * is declared, deleted and declared again in the same file, so the kernel swaps the old rules for the new in
 * one transaction (connections it already tracks stay tracked).
 *
 * <ul>
 *   <li>{@code inet gureum}, the stateful part. Bridged packets reach its forward chain through br_netfilter
 *   (this kernel's bridge family has no conntrack), routed ones as usual. Replies to tracked connections
 *   pass; a new connection from an interface's address must pass its outbound rules ({@code out_*}) and one
 *   to an interface's address its inbound rules ({@code in_*}); everything else is dropped, and nothing from
 *   an instance may open a connection to the host through the uplink but a metadata connection to
 *   169.254.169.254:80 DNAT'd to the VPC's metadata listener ({@link MetadataScript}; security groups do not
 *   filter it, as in EC2). A rule naming a group matches the
 *   set {@code g_*} of the group's members' addresses.</li>
 *   <li>{@code bridge gureum}, anti-spoofing, stateless: a frame an instance's port sends must carry one of
 *   its interface's addresses (IPv4 source, ARP sender); anything else, and anything from a port this
 *   firewall does not know yet, is dropped before br_netfilter sees it.</li>
 * </ul>
 * Ids and addresses are checked before they are written, so the script holds nothing a record could smuggle.
 */
final class FirewallScript {
    private FirewallScript() {
    }

    /** The firewall of a VPC whose rules are not known yet: nothing reaches or leaves its instances. */
    static String denyAll() {
        return render(null);
    }

    static String render(VpcFirewall firewall) {
        List<VpcFirewall.InterfaceRules> interfaces = firewall == null ? List.of() : firewall.interfaces();
        Map<String, List<String>> members = firewall == null ? Map.of() : firewall.groupMembers();
        StringBuilder script = new StringBuilder();
        script.append("table inet gureum\ndelete table inet gureum\ntable inet gureum {\n");
        members.forEach((groupId, addresses) -> {
            script.append("  set ").append(setName(groupId)).append(" { type ipv4_addr;");
            if (!addresses.isEmpty()) {
                script.append(" elements = { ").append(String.join(", ", addresses.stream().map(FirewallScript::address)
                        .toList())).append(" };");
            }
            script.append(" }\n");
        });
        Map<String, String> outboundChains = new LinkedHashMap<>();
        Map<String, String> inboundChains = new LinkedHashMap<>();
        for (VpcFirewall.InterfaceRules eni : interfaces) {
            for (String address : eni.privateAddresses()) {
                outboundChains.put(address(address), "out_" + tail(eni.interfaceId()));
                inboundChains.put(address(address), "in_" + tail(eni.interfaceId()));
            }
        }
        script.append("""
                  chain forward {
                    type filter hook forward priority 0; policy drop;
                    ct state established,related accept
                    ct state invalid drop
                    oifname "uplink" meta l4proto tcp ct status dnat ct original ip daddr 169.254.169.254 accept
                    oifname "uplink" drop
                """);
        script.append(NatScript.forwardRules(firewall, false));
        if (!outboundChains.isEmpty()) {
            script.append("    ip saddr vmap { ").append(verdicts(outboundChains)).append(" }\n");
            script.append("    ip daddr vmap { ").append(verdicts(inboundChains)).append(" }\n");
        }
        script.append(NatScript.forwardRules(firewall, true));
        script.append("  }\n");
        script.append("""
                  chain input {
                    type filter hook input priority 0; policy accept;
                    iifname "uplink" ct state established,related accept
                    iifname "uplink" drop
                  }
                """);
        for (VpcFirewall.InterfaceRules eni : interfaces) {
            script.append("  chain out_").append(tail(eni.interfaceId())).append(" {\n");
            for (VpcFirewall.Rule rule : eni.outbound()) {
                String match = match(rule, "daddr", members);
                if (match != null) {
                    script.append("    ").append(match).append(" return\n");
                }
            }
            script.append("    drop\n  }\n");
            script.append("  chain in_").append(tail(eni.interfaceId())).append(" {\n");
            for (VpcFirewall.Rule rule : eni.inbound()) {
                String match = match(rule, "saddr", members);
                if (match != null) {
                    script.append("    ").append(match).append(" accept\n");
                }
            }
            script.append("    drop\n  }\n");
        }
        script.append("}\n");
        antiSpoofing(script, interfaces);
        return script.toString();
    }

    private static void antiSpoofing(StringBuilder script, List<VpcFirewall.InterfaceRules> interfaces) {
        script.append("table bridge gureum\ndelete table bridge gureum\ntable bridge gureum {\n");
        script.append("  chain prerouting {\n    type filter hook prerouting priority -200; policy accept;\n");
        List<VpcFirewall.InterfaceRules> wired = interfaces.stream()
                .filter(eni -> eni.instanceId() != null && eni.deviceIndex() == 0 && !eni.privateAddresses().isEmpty())
                .toList();
        for (VpcFirewall.InterfaceRules eni : wired) {
            script.append("    iifname \"").append(NetworkNames.instancePort(id(eni.instanceId()))).append("\" jump port_")
                    .append(tail(eni.interfaceId())).append('\n');
        }
        script.append("    iifname \"vi*\" drop\n  }\n");
        for (VpcFirewall.InterfaceRules eni : wired) {
            String own = "{ " + String.join(", ", eni.privateAddresses().stream().map(FirewallScript::address).toList()) + " }";
            script.append("  chain port_").append(tail(eni.interfaceId())).append(" {\n")
                    .append("    ether type ip ip saddr != ").append(own).append(" counter drop\n")
                    .append("    ether type arp arp saddr ip != ").append(own).append(" counter drop\n")
                    .append("    ether type { ip, arp } accept\n")
                    .append("    drop\n  }\n");
        }
        script.append("}\n");
    }

    /** The rule's match, or null when nothing in IPv4 can match it (ICMPv6, a group not of this VPC). */
    static String match(VpcFirewall.Rule rule, String peerField, Map<String, List<String>> members) {
        List<String> parts = new ArrayList<>();
        String protocol = switch (rule.protocol()) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            default -> rule.protocol();
        };
        switch (protocol) {
            case "-1", "all" -> { }
            case "tcp", "udp" -> {
                parts.add("meta l4proto " + protocol);
                if (rule.fromPort() > 0 || (rule.toPort() >= 0 && rule.toPort() < 65535)) {
                    int from = Math.max(rule.fromPort(), 0);
                    int to = rule.toPort() < 0 ? 65535 : rule.toPort();
                    parts.add("th dport " + (from == to ? String.valueOf(from) : from + "-" + to));
                }
            }
            case "icmp" -> {
                parts.add("meta l4proto icmp");
                if (rule.fromPort() >= 0) {
                    parts.add("icmp type " + rule.fromPort());
                    if (rule.toPort() >= 0) {
                        parts.add("icmp code " + rule.toPort());
                    }
                }
            }
            case "icmpv6", "58" -> {
                return null;
            }
            default -> {
                if (!protocol.matches("\\d{1,3}") || Integer.parseInt(protocol) > 255) {
                    return null;
                }
                parts.add("meta l4proto " + protocol);
            }
        }
        if (rule.cidrIpv4() != null) {
            Ipv4Cidr block = Ipv4Cidr.parseMaskedOrNull(rule.cidrIpv4());
            if (block == null) {
                return null;
            }
            parts.add(block.prefixLength() == 0 ? "meta nfproto ipv4" : "ip " + peerField + " " + block);
        } else if (rule.groupId() != null && members.containsKey(rule.groupId())) {
            parts.add("ip " + peerField + " @" + setName(rule.groupId()));
        } else {
            return null;
        }
        return String.join(" ", parts);
    }

    private static String verdicts(Map<String, String> chains) {
        List<String> entries = new ArrayList<>();
        chains.forEach((address, chain) -> entries.add(address + " : jump " + chain));
        return String.join(", ", entries);
    }

    static String setName(String groupId) {
        return "g_" + tail(groupId);
    }

    /** The hex part of an EC2 id (sg-0abc… → 0abc…), refused unless it is exactly that. */
    private static String tail(String ec2Id) {
        String hex = id(ec2Id).substring(ec2Id.indexOf('-') + 1);
        return hex;
    }

    static String checkedId(String ec2Id) {
        return id(ec2Id);
    }

    private static String id(String ec2Id) {
        if (ec2Id == null || !ec2Id.matches("[a-z]{1,8}-[0-9a-f]{1,32}")) {
            throw new SandboxException("not an EC2 id: " + ec2Id);
        }
        return ec2Id;
    }

    private static String address(String text) {
        long address = Ipv4Cidr.parseAddress(text);
        if (address < 0) {
            throw new SandboxException("not an IPv4 address: " + text);
        }
        return Ipv4Cidr.formatAddress(address);
    }
}
