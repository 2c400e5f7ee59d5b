package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;

/**
 * The nftables table {@code inet gureum_imds} of a VPC namespace, apart from the security groups' tables (and
 * from anyone else's NAT) so each can be reloaded alone:
 * <ul>
 *   <li>a TCP connection an instance opens to 169.254.169.254:80 is DNAT'd to the VPC's metadata listener on
 *   the host end of the uplink ({@code FirewallScript} lets exactly such connections out of the uplink);</li>
 *   <li>a listener answer marked with DSCP {@code n} (1 to {@value #MARKED_HOPS}; the listener marks token
 *   answers with their hop limit) leaves the router with IP TTL {@code n} and its DSCP cleared, so it reaches
 *   the instance itself but dies after {@code n - 1} more routers, as EC2's HttpPutResponseHopLimit does.
 *   Larger limits are not marked: the answer arrives with the host's TTL less one router (63), which is
 *   as far as any of this host's networks reach.</li>
 * </ul>
 */
final class MetadataScript {
    static final String METADATA_ADDRESS = "169.254.169.254";
    static final int MARKED_HOPS = 62;

    private MetadataScript() {
    }

    static String render(String listenerAddress, int listenerPort) {
        String host = Ipv4Cidr.formatAddress(checked(listenerAddress));
        if (listenerPort < 1 || listenerPort > 65535) {
            throw new SandboxException("not a port: " + listenerPort);
        }
        StringBuilder script = new StringBuilder("table inet gureum_imds\ndelete table inet gureum_imds\n")
                .append("table inet gureum_imds {\n")
                .append("  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n")
                .append("    iifname != \"").append(NetworkNames.UPLINK).append("\" ip daddr ").append(METADATA_ADDRESS)
                .append(" tcp dport 80 dnat ip to ").append(host).append(':').append(listenerPort).append('\n')
                .append("  }\n")
                .append("  chain forward {\n    type filter hook forward priority -10; policy accept;\n");
        for (int hops = 1; hops <= MARKED_HOPS; hops++) {
            script.append("    iifname \"").append(NetworkNames.UPLINK).append("\" ip saddr ").append(host)
                    .append(" tcp sport ").append(listenerPort).append(" ip dscp ").append(hops)
                    .append(" ip ttl set ").append(hops).append(" ip dscp set cs0\n");
        }
        return script.append("  }\n}\n").toString();
    }

    private static long checked(String address) {
        long parsed = Ipv4Cidr.parseAddress(address);
        if (parsed < 0) {
            throw new SandboxException("not an IPv4 address: " + address);
        }
        return parsed;
    }
}
