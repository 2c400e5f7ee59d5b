package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.runtime.VpcFirewall;
import java.util.ArrayList;
import java.util.List;

/**
 * A VPC's network ACLs as nftables rules in their own table ({@code inet gureum_acl}), stateless: its
 * forward chain runs before the security groups' (priority -10) and sends every packet that leaves a
 * subnet's bridge for elsewhere through the subnet's outbound chain, and every packet that enters a subnet's
 * bridge from elsewhere through its inbound chain; traffic inside one subnet crosses no ACL, as on EC2. Each
 * chain holds the ACL's entries lowest number first, an allow as {@code return} (the next check, then the
 * security groups, decide) and a deny as {@code drop}; the first entry that matches decides, and what
 * matches none is dropped (the catch-all {@code *} rule). Replies get no free pass: an ACL must allow them
 * too (ephemeral ports), which is what stateless means. Instance metadata connections (to 169.254.169.254)
 * are not filtered, as on EC2.
 */
final class AclScript {
    private AclScript() {
    }

    static String render(VpcFirewall firewall) {
        List<VpcFirewall.SubnetAcl> acls = firewall == null ? List.of() : firewall.subnetAcls();
        StringBuilder script = new StringBuilder("table inet gureum_acl\ndelete table inet gureum_acl\ntable inet gureum_acl {\n");
        script.append("  chain forward {\n    type filter hook forward priority -10; policy accept;\n");
        // ACLs do not filter instance metadata traffic (EC2's rule): the metadata connections DNAT'd to the VPC's
        // listener (MetadataScript) and their answers skip this table.
        script.append("    meta l4proto tcp ct status dnat ct original ip daddr ").append(MetadataScript.METADATA_ADDRESS)
                .append(" accept\n");
        for (VpcFirewall.SubnetAcl acl : acls) {
            String bridge = "\"" + NetworkNames.bridge(FirewallScript.checkedId(acl.subnetId())) + "\"";
            String tail = tail(acl.subnetId());
            script.append("    iifname ").append(bridge).append(" oifname != ").append(bridge).append(" jump egress_")
                    .append(tail).append('\n');
            script.append("    oifname ").append(bridge).append(" iifname != ").append(bridge).append(" jump ingress_")
                    .append(tail).append('\n');
        }
        script.append("  }\n");
        for (VpcFirewall.SubnetAcl acl : acls) {
            chain(script, "egress_" + tail(acl.subnetId()), acl.egress(), "daddr");
            chain(script, "ingress_" + tail(acl.subnetId()), acl.ingress(), "saddr");
        }
        script.append("}\n");
        return script.toString();
    }

    private static void chain(StringBuilder script, String name, List<VpcFirewall.AclRule> rules, String peerField) {
        script.append("  chain ").append(name).append(" {\n");
        for (VpcFirewall.AclRule rule : rules) {
            String match = match(rule, peerField);
            if (match != null) {
                script.append("    ").append(match).append(rule.allow() ? " return" : " drop").append('\n');
            }
        }
        script.append("    drop\n  }\n");
    }

    /** The entry's match, or null when nothing in IPv4 can match it. */
    static String match(VpcFirewall.AclRule rule, String peerField) {
        List<String> parts = new ArrayList<>();
        String protocol = rule.protocol();
        switch (protocol) {
            case "-1" -> { }
            case "6", "17" -> {
                String name = protocol.equals("6") ? "tcp" : "udp";
                parts.add("meta l4proto " + name);
                if (rule.fromPort() >= 0 && rule.toPort() >= 0 && !(rule.fromPort() == 0 && rule.toPort() == 65535)) {
                    parts.add("th dport " + (rule.fromPort() == rule.toPort() ? String.valueOf(rule.fromPort())
                            : rule.fromPort() + "-" + rule.toPort()));
                }
            }
            case "1" -> {
                parts.add("meta l4proto icmp");
                if (rule.icmpType() >= 0) {
                    parts.add("icmp type " + rule.icmpType());
                    if (rule.icmpCode() >= 0) {
                        parts.add("icmp code " + rule.icmpCode());
                    }
                }
            }
            case "58" -> {
                return null;
            }
            default -> {
                if (!protocol.matches("\\d{1,3}") || Integer.parseInt(protocol) > 255) {
                    return null;
                }
                parts.add("meta l4proto " + protocol);
            }
        }
        Ipv4Cidr block = Ipv4Cidr.parseMaskedOrNull(rule.cidrIpv4());
        if (block == null) {
            return null;
        }
        parts.add(block.prefixLength() == 0 ? "meta nfproto ipv4" : "ip " + peerField + " " + block);
        return String.join(" ", parts);
    }

    private static String tail(String subnetId) {
        String id = FirewallScript.checkedId(subnetId);
        return id.substring(id.indexOf('-') + 1);
    }
}
