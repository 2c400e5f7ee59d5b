package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.runtime.VpcFirewall;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The simulated internet: one namespace ({@code gureum-internet}) the host routes the public address pool
 * to, through a veth on a link-local /30 (host 169.254.191.253, internet .254). Every VPC namespace joins it
 * through its internet gateway, a veth ({@code igw} in the VPC, {@code ig<vpc>} here) on its own link-local
 * /30 from 169.254.192.0/18, and this namespace routes each public address the VPC maps (its 1:1 NAT, see
 * {@link NatScript}) to that gateway. It has no default route: nothing sent to the "internet" ever leaves
 * the machine, and a new connection from an instance toward the host is dropped here (the host may open
 * connections to instances, not the other way round). Made with the first VPC namespace, removed when the
 * runtime closes, with the pool's blackhole kept while it runs.
 */
final class InternetNamespace {
    private static final Logger LOG = Logger.getLogger(InternetNamespace.class.getName());
    static final String NAME = "internet";
    static final String HOST_LINK = "guinternet";
    static final String INSIDE_LINK = "host";
    static final String HOST_ADDRESS = "169.254.191.253";
    static final String INSIDE_ADDRESS = "169.254.191.254";
    private static final String GATEWAY_BASE = "169.254.192.0";
    private static final int GATEWAY_SLOTS = 4096;

    private final HostTools tools;
    private final HostRoutes routes;
    private final Ipv4Cidr pool;

    InternetNamespace(HostTools tools, HostRoutes routes, Ipv4Cidr pool) {
        this.tools = tools;
        this.routes = routes;
        this.pool = pool;
    }

    /**
     * Blackholes the pool, so no public address's packet can leave the machine even before the first VPC; a
     * blackhole an earlier run of this server left (its instances still running) is taken over.
     */
    void blackholePool() {
        if (pool != null) {
            routes.blackhole(pool);
            routes.adopt(pool);
        }
    }

    /** Joins the VPC's fresh namespace to the internet (made on first need); the caller holds the VPC's lock. */
    synchronized void connect(String vpcId) {
        ensure();
        String namespace = NetworkNames.namespace(NAME);
        String outside = NetworkNames.internetGateway(vpcId);
        HostCommand.attempt(ip("-n", namespace, "link", "delete", outside));
        long slot = gatewaySlot();
        HostCommand.run(ip("-n", namespace, "link", "add", outside, "type", "veth", "peer", "name", NetworkNames.GATEWAY,
                "netns", NetworkNames.namespace(vpcId)));
        HostCommand.ipBatch(tools, namespace, "addr add " + Ipv4Cidr.formatAddress(slot + 1) + "/30 dev " + outside,
                "link set " + outside + " up");
        HostCommand.ipBatch(tools, NetworkNames.namespace(vpcId),
                "addr add " + Ipv4Cidr.formatAddress(slot + 2) + "/30 dev " + NetworkNames.GATEWAY,
                "link set " + NetworkNames.GATEWAY + " up",
                "route add default via " + Ipv4Cidr.formatAddress(slot + 1));
    }

    /**
     * Routes each public address of the VPC to its gateway and takes away the routes of addresses it no longer
     * maps; the caller holds the VPC's lock and has loaded the VPC's NAT.
     */
    synchronized void publish(VpcFirewall firewall) {
        String namespace = NetworkNames.namespace(NAME);
        String outside = NetworkNames.internetGateway(firewall.vpcId());
        if (!Files.exists(NetworkNames.namespacePath(NAME))
                || !HostCommand.attempt(ip("-n", namespace, "link", "show", outside)).succeeded()) {
            return;
        }
        String gatewayAddress = vpcSideAddress(namespace, outside);
        Set<String> wanted = new HashSet<>();
        for (VpcFirewall.PublicMapping mapping : firewall.publicAddresses()) {
            wanted.add(NatScript.address(mapping.publicIp()));
        }
        List<String> batch = new ArrayList<>();
        for (String line : HostCommand.run(ip("-4", "-n", namespace, "route", "show", "dev", outside)).lines().toList()) {
            String destination = line.strip().split("\\s+")[0];
            if (line.contains(" via ") && !wanted.remove(destination)) {
                batch.add("route del " + destination + " dev " + outside);
            }
        }
        for (String address : wanted) {
            batch.add("route replace " + address + "/32 via " + gatewayAddress + " dev " + outside);
        }
        // a public address moved from another VPC: its old route goes with the replace above
        if (!batch.isEmpty()) {
            HostCommand.ipBatch(tools, namespace, batch.toArray(String[]::new));
        }
    }

    /** Removes the namespace, its host link (and with it the pool's route) and the pool's blackhole. */
    synchronized void remove() {
        HostCommand.attempt(ip("link", "delete", HOST_LINK));
        HostCommand.attempt(ip("netns", "delete", NetworkNames.namespace(NAME)));
    }

    private void ensure() {
        if (Files.exists(NetworkNames.namespacePath(NAME))
                && HostCommand.attempt(ip("link", "show", HOST_LINK)).succeeded()) {
            return;
        }
        remove();
        String namespace = NetworkNames.namespace(NAME);
        HostCommand.run(ip("netns", "add", namespace));
        try {
            HostCommand.run(ip("link", "add", HOST_LINK, "type", "veth", "peer", "name", INSIDE_LINK, "netns", namespace));
            HostCommand.run(ip("addr", "add", HOST_ADDRESS + "/30", "dev", HOST_LINK));
            HostCommand.run(ip("link", "set", HOST_LINK, "up"));
            HostCommand.ipBatch(tools, namespace, "link set lo up", "addr add " + INSIDE_ADDRESS + "/30 dev " + INSIDE_LINK,
                    "link set " + INSIDE_LINK + " up");
            HostCommand.run(ip("netns", "exec", namespace, "/bin/sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"));
            HostCommand.Result loaded = HostCommand.attempt(List.of(tools.ip().toString(), "netns", "exec", namespace,
                    tools.nft().toString(), "-f", "-"), NatScript.internet());
            if (!loaded.succeeded()) {
                throw new SandboxException("cannot load the internet's firewall: " + loaded.output().strip());
            }
            if (pool != null && !routes.route(pool, INSIDE_ADDRESS, HOST_LINK)) {
                LOG.warning("the public address pool " + pool + " overlaps the host's routes: public addresses are"
                        + " not reachable from the host (loopback forwards are)");
            }
        } catch (SandboxException e) {
            remove();
            throw e;
        }
    }

    private String vpcSideAddress(String namespace, String outside) {
        String shown = HostCommand.run(ip("-4", "-o", "-n", namespace, "addr", "show", "dev", outside));
        String here = shown.replaceAll("(?s).*inet (\\S+)/30.*", "$1");
        return Ipv4Cidr.formatAddress(Ipv4Cidr.parseAddress(here) + 1);
    }

    /** A free /30 for a VPC's gateway among those the internet namespace already carries. */
    private long gatewaySlot() {
        Set<Long> taken = new HashSet<>();
        for (String line : HostCommand.run(ip("-4", "-o", "-n", NetworkNames.namespace(NAME), "addr", "show")).lines().toList()) {
            String[] words = line.strip().split("\\s+");
            for (int index = 0; index + 1 < words.length; index++) {
                if (words[index].equals("inet")) {
                    String address = words[index + 1].substring(0, words[index + 1].indexOf('/'));
                    taken.add(Ipv4Cidr.parseAddress(address) & ~3L);
                }
            }
        }
        long base = Ipv4Cidr.parseAddress(GATEWAY_BASE);
        for (int offset = 0; offset < GATEWAY_SLOTS; offset++) {
            long slot = base + 4L * offset;
            if (!taken.contains(slot)) {
                return slot;
            }
        }
        throw new SandboxException("no free link-local /30 left for a VPC's internet gateway");
    }

    private List<String> ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.ip().toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
