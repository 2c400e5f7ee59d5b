package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The host's routes to the cloud's subnets. A subnet in use gets a route through its VPC's uplink, so the
 * host reaches instances at their private addresses, and a blackhole of lower preference (higher metric),
 * so a packet for a cloud address never leaves the machine when no namespace carries it. A subnet that
 * overlaps a network the host already routes (its LAN, a Docker bridge) is left alone: the host's own
 * network always wins, and such instances are reached another way (later: public addresses, forwards).
 */
final class HostRoutes {
    private static final Logger LOG = Logger.getLogger(HostRoutes.class.getName());
    static final String VIA_METRIC = "4242";
    static final String BLACKHOLE_METRIC = "4243";

    private final HostTools tools;
    private final Set<String> blackholes = ConcurrentHashMap.newKeySet();

    HostRoutes(HostTools tools) {
        this.tools = tools;
    }

    /**
     * Blackholes the subnet before anything of it runs (a launch is accepted), so a packet sent to one of its
     * addresses before its instance is up cannot leave the machine through the default route; nothing when
     * the host's own routes overlap it or it is blackholed already.
     */
    void blackhole(Ipv4Cidr subnet) {
        if (blackholes.contains(subnet.toString()) || !foreignOverlaps(subnet).isEmpty()) {
            return;
        }
        if (HostCommand.attempt(ip("route", "add", "blackhole", subnet.toString(), "metric", BLACKHOLE_METRIC))
                .succeeded()) {
            blackholes.add(subnet.toString());
        }
    }

    /** Routes the subnet through the VPC's uplink; false when the host's own routes overlap it. */
    boolean route(Ipv4Cidr subnet, String uplinkPeer, String hostUplink) {
        List<String> foreign = foreignOverlaps(subnet);
        if (!foreign.isEmpty()) {
            LOG.warning("subnet " + subnet + " overlaps the host's route(s) " + foreign
                    + ": its instances are not reachable from the host by private address");
            return false;
        }
        blackhole(subnet);
        HostCommand.Result via = HostCommand.attempt(ip("route", "add", subnet.toString(), "via", uplinkPeer, "dev",
                hostUplink, "metric", VIA_METRIC));
        if (!via.succeeded()) {
            LOG.warning("subnet " + subnet + " is already routed to another VPC of this host: " + via.output().strip());
            return false;
        }
        return true;
    }

    /** Takes over a blackhole an earlier run of this server added (its instance is being adopted). */
    void adopt(Ipv4Cidr subnet) {
        blackholes.add(subnet.toString());
    }

    /** Removes the blackholes this runtime added. */
    void removeBlackholes() {
        for (String subnet : List.copyOf(blackholes)) {
            HostCommand.attempt(ip("route", "del", "blackhole", subnet, "metric", BLACKHOLE_METRIC));
            blackholes.remove(subnet);
        }
    }

    /** The host's routes (not the sandbox's) whose destination overlaps the subnet; the default route aside. */
    private List<String> foreignOverlaps(Ipv4Cidr subnet) {
        List<String> overlaps = new ArrayList<>();
        for (String line : HostCommand.run(ip("-4", "-o", "route", "show", "table", "main")).lines().toList()) {
            String[] words = line.strip().split("\\s+");
            int destination = words[0].equals("blackhole") || words[0].equals("unreachable") ? 1 : 0;
            if (words.length <= destination || words[destination].equals("default") || line.contains(" dev gu")
                    || line.contains("metric " + BLACKHOLE_METRIC)) {
                continue;
            }
            String prefix = words[destination].contains("/") ? words[destination] : words[destination] + "/32";
            Ipv4Cidr route = Ipv4Cidr.parseMaskedOrNull(prefix);
            if (route != null && route.overlaps(subnet)) {
                overlaps.add(words[destination]);
            }
        }
        return overlaps;
    }

    private List<String> ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.ip().toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
