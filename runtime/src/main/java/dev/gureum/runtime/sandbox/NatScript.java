package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.runtime.VpcFirewall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VPC's public addresses as nftables rules, the 1:1 NAT of its internet gateway ({@code igw}, see
 * {@link InternetNamespace}), in a table of its own ({@code ip gureum_nat}) so other NAT in the namespace
 * (the metadata service's) never collides with it: what arrives from the internet for a public address is
 * delivered to its private address (DNAT), what that private address sends to the internet leaves from the
 * public one (SNAT). DNAT happens only at the gateway, so an instance reaching another's public address goes
 * out and back in through the internet as on EC2. The security groups still decide (they see the private
 * address), and the forward chain lets out to the internet only addresses that have a public one, so an
 * instance without one cannot reach it ({@link #forwardRules}).
 */
final class NatScript {
    private NatScript() {
    }

    /** The VPC's NAT table, declared, deleted and declared again so it is swapped in one transaction. */
    static String render(VpcFirewall firewall) {
        Map<String, String> inbound = mappings(firewall, true);
        Map<String, String> outbound = mappings(firewall, false);
        StringBuilder script = new StringBuilder("table ip gureum_nat\ndelete table ip gureum_nat\ntable ip gureum_nat {\n");
        script.append("  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n");
        if (!inbound.isEmpty()) {
            script.append("    iifname \"").append(NetworkNames.GATEWAY).append("\" dnat to ip daddr map { ")
                    .append(pairs(inbound)).append(" }\n");
        }
        script.append("  }\n  chain postrouting {\n    type nat hook postrouting priority srcnat; policy accept;\n");
        if (!outbound.isEmpty()) {
            script.append("    oifname \"").append(NetworkNames.GATEWAY).append("\" snat to ip saddr map { ")
                    .append(pairs(outbound)).append(" }\n");
        }
        script.append("  }\n}\n");
        return script.toString();
    }

    /**
     * The rules of the VPC's stateful forward chain about the gateway: a new connection from the internet
     * must have come to a public address (been translated), and only private addresses that have a public
     * one may open connections to the internet (after their outbound rules let them).
     */
    static String forwardRules(VpcFirewall firewall, boolean afterGroups) {
        String gateway = "\"" + NetworkNames.GATEWAY + "\"";
        if (!afterGroups) {
            return "    iifname " + gateway + " ct status & dnat == 0 drop\n";
        }
        Map<String, String> outbound = mappings(firewall, false);
        if (outbound.isEmpty()) {
            return "";
        }
        return "    oifname " + gateway + " ip saddr { " + String.join(", ", outbound.keySet()) + " } accept\n";
    }

    /** The internet namespace's own rule: nothing may open a connection toward the host from there. */
    static String internet() {
        return """
                table inet gureum_internet
                delete table inet gureum_internet
                table inet gureum_internet {
                  chain forward {
                    type filter hook forward priority 0; policy accept;
                    oifname "%s" ct state established,related accept
                    oifname "%s" drop
                  }
                }
                """.formatted(InternetNamespace.INSIDE_LINK, InternetNamespace.INSIDE_LINK);
    }

    /** Public to private ({@code inbound}) or private to public, each key once (the first mapping wins). */
    private static Map<String, String> mappings(VpcFirewall firewall, boolean inbound) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (firewall == null) {
            return pairs;
        }
        for (VpcFirewall.PublicMapping mapping : firewall.publicAddresses()) {
            String publicIp = address(mapping.publicIp());
            String privateIp = address(mapping.privateIp());
            if (inbound) {
                pairs.putIfAbsent(publicIp, privateIp);
            } else {
                pairs.putIfAbsent(privateIp, publicIp);
            }
        }
        return pairs;
    }

    private static String pairs(Map<String, String> map) {
        List<String> entries = new ArrayList<>();
        map.forEach((key, value) -> entries.add(key + " : " + value));
        return String.join(", ", entries);
    }

    /** An IPv4 address in canonical form, refused unless it is one. */
    static String address(String text) {
        long address = text == null ? -1 : Ipv4Cidr.parseAddress(text);
        if (address < 0) {
            throw new SandboxException("not an IPv4 address: " + text);
        }
        return Ipv4Cidr.formatAddress(address);
    }
}
