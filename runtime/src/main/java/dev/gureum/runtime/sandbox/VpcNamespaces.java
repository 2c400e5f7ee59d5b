package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One network namespace per VPC in use: the VPC's router. Each subnet is a bridge there carrying the
 * subnet's router address (the block's first host address, as in EC2), instances' veths are ports of their
 * subnet's bridge, and an uplink veth joins the namespace to the host on a link-local /30 so the host can
 * reach the subnets. Its nftables tables are the VPC's security groups, NAT and network ACLs
 * ({@link VpcFirewalls}) and its metadata service ({@link VpcMetadata}); nothing from an instance may open a
 * connection to the host except a metadata connection to 169.254.169.254:80. Its default route is its
 * internet gateway to the simulated internet ({@link InternetNamespace}), which only instances with a public
 * address may use. It is made when the VPC's first instance starts and
 * removed with its last one, taking its bridges, routes and rules with it.
 */
final class VpcNamespaces {
    private static final String LINK_LOCAL_BASE = "169.254.0.0";
    private static final int LINK_SLOTS = 8192;

    private final HostTools tools;
    private final HostRoutes routes;
    private final VpcFirewalls firewalls;
    private final InternetNamespace internet;
    private final VpcMetadata metadata;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, Object> locks = new ConcurrentHashMap<>();

    VpcNamespaces(HostTools tools, HostRoutes routes, VpcFirewalls firewalls, InternetNamespace internet,
                  VpcMetadata metadata) {
        this.tools = tools;
        this.routes = routes;
        this.firewalls = firewalls;
        this.internet = internet;
        this.metadata = metadata;
    }

    /** Work on one VPC's namespace (instances wired, firewalls loaded, the namespace removed) holds this lock. */
    Object lock(String vpcId) {
        return locks.computeIfAbsent(vpcId, unused -> new Object());
    }

    /** Makes the VPC's namespace and the subnet's bridge if missing; returns whether the host routes to it. */
    boolean ensure(String vpcId, String subnetId, Ipv4Cidr subnet) {
        String namespace = NetworkNames.namespace(vpcId);
        if (!Files.exists(NetworkNames.namespacePath(vpcId))) {
            create(vpcId, namespace);
        } else {
            serveMetadata(vpcId);
        }
        live.add(vpcId);
        String bridge = NetworkNames.bridge(subnetId);
        if (HostCommand.attempt(ip("-n", namespace, "link", "show", bridge)).succeeded()) {
            return true;
        }
        HostCommand.ipBatch(tools, namespace, "link add " + bridge + " type bridge",
                "addr add " + routerAddress(subnet) + "/" + subnet.prefixLength() + " dev " + bridge,
                "link set " + bridge + " up");
        return routes.route(subnet, uplinkPeerAddress(vpcId), NetworkNames.hostUplink(vpcId));
    }

    /** Takes over the namespace and routes an earlier run of this server made for a still-running instance. */
    void adopt(String vpcId, Ipv4Cidr subnet) {
        live.add(vpcId);
        routes.adopt(subnet);
        serveMetadata(vpcId);
    }

    /** The metadata service of a namespace an earlier run of this server made (see {@link VpcMetadata}). */
    private void serveMetadata(String vpcId) {
        if (metadata.serves(vpcId)) {
            return;
        }
        try {
            metadata.attachIfAbsent(vpcId, hostUplinkAddress(vpcId), NetworkNames.hostUplink(vpcId));
        } catch (SandboxException e) {
            java.util.logging.Logger.getLogger(VpcNamespaces.class.getName())
                    .warning("no instance metadata in " + vpcId + ": " + e.getMessage());
        }
    }

    /** Removes the VPC's namespace once no instance port is left in it. */
    void releaseIfUnused(String vpcId) {
        String namespace = NetworkNames.namespace(vpcId);
        if (!Files.exists(NetworkNames.namespacePath(vpcId))) {
            live.remove(vpcId);
            return;
        }
        String ports = HostCommand.attempt(ip("-n", namespace, "-o", "link", "show", "type", "veth")).output();
        if (ports.lines().anyMatch(line -> line.contains(": vi"))) {
            return;
        }
        remove(vpcId);
    }

    /** Removes every VPC namespace this runtime made, in use or not. */
    void removeAll() {
        for (String vpcId : List.copyOf(live)) {
            remove(vpcId);
        }
    }

    private void remove(String vpcId) {
        metadata.detach(vpcId);
        HostCommand.attempt(ip("link", "delete", NetworkNames.hostUplink(vpcId)));
        HostCommand.attempt(ip("netns", "delete", NetworkNames.namespace(vpcId)));
        live.remove(vpcId);
    }

    /** The subnet's router: the first address after the network address, as EC2 reserves it. */
    static String routerAddress(Ipv4Cidr subnet) {
        return Ipv4Cidr.formatAddress(subnet.addressAt(1));
    }

    private void create(String vpcId, String namespace) {
        String hostUplink = NetworkNames.hostUplink(vpcId);
        HostCommand.attempt(ip("link", "delete", hostUplink));
        HostCommand.run(ip("netns", "add", namespace));
        try {
            HostCommand.run(ip("link", "add", hostUplink, "type", "veth", "peer", "name", NetworkNames.UPLINK,
                    "netns", namespace));
            long slot = linkSlot(vpcId);
            HostCommand.run(ip("addr", "add", Ipv4Cidr.formatAddress(slot + 1) + "/30", "dev", hostUplink));
            HostCommand.run(ip("link", "set", hostUplink, "up"));
            HostCommand.ipBatch(tools, namespace, "link set lo up",
                    "addr add " + Ipv4Cidr.formatAddress(slot + 2) + "/30 dev " + NetworkNames.UPLINK,
                    "link set " + NetworkNames.UPLINK + " up");
            HostCommand.run(ip("netns", "exec", namespace, "/bin/sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"
                    + " && echo 1 > /proc/sys/net/bridge/bridge-nf-call-iptables"));
            internet.connect(vpcId);
            firewalls.load(vpcId);
            metadata.attachIfAbsent(vpcId, Ipv4Cidr.formatAddress(slot + 1), hostUplink);
        } catch (SandboxException e) {
            remove(vpcId);
            throw e;
        }
    }

    private String uplinkPeerAddress(String vpcId) {
        return Ipv4Cidr.formatAddress(Ipv4Cidr.parseAddress(hostUplinkAddress(vpcId)) + 1);
    }

    private String hostUplinkAddress(String vpcId) {
        String shown = HostCommand.run(ip("-4", "-o", "addr", "show", "dev", NetworkNames.hostUplink(vpcId)));
        return shown.replaceAll("(?s).*inet (\\S+)/30.*", "$1");
    }

    /**
     * A free link-local /30 for a VPC's uplink, in 169.254.0.0/17 (clear of 169.254.169.254, the metadata
     * address): the VPC id picks a starting slot and taken ones are skipped, so two Gureums on one host
     * do not collide.
     */
    private long linkSlot(String vpcId) {
        Set<Long> taken = new java.util.HashSet<>();
        for (String line : HostCommand.run(ip("-4", "-o", "addr", "show")).lines().toList()) {
            String[] words = line.strip().split("\\s+");
            for (int index = 0; index + 1 < words.length; index++) {
                if (words[index].equals("inet")) {
                    String address = words[index + 1].substring(0, words[index + 1].indexOf('/'));
                    taken.add(Ipv4Cidr.parseAddress(address) & ~3L);
                }
            }
        }
        long base = Ipv4Cidr.parseAddress(LINK_LOCAL_BASE);
        int start = Math.floorMod(vpcId.hashCode(), LINK_SLOTS);
        for (int offset = 0; offset < LINK_SLOTS; offset++) {
            long slot = base + 4L * ((start + offset) % LINK_SLOTS);
            if (!taken.contains(slot)) {
                return slot;
            }
        }
        throw new SandboxException("no free link-local /30 left for a VPC uplink");
    }

    private List<String> ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.ip().toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
