package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.runtime.NetworkPlacement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An instance's network: its own namespace ({@code gureum-<instance-id>}) whose eth0 is one end of a veth
 * carrying the private address from the instance record and its interface's MAC address (so it is the same after
 * a stop and start, and neighbours' ARP caches stay right), the other end a port of its subnet's bridge in
 * the VPC's namespace, and a default route via the subnet's router. The namespace lives while the
 * instance runs (crun joins it), so a reboot keeps it and a stop removes it. Work on one VPC is serialized,
 * so an attach never races the removal of the VPC's namespace.
 */
final class InstanceNetworks {
    private final HostTools tools;
    private final VpcNamespaces vpcs;

    InstanceNetworks(HostTools tools, VpcNamespaces vpcs) {
        this.tools = tools;
        this.vpcs = vpcs;
    }

    /** Wires the instance; returns its namespace for crun and whether the host routes to its subnet. */
    Attached attach(String instanceId, NetworkPlacement placement) {
        Ipv4Cidr subnet = Ipv4Cidr.parseOrNull(placement.subnetCidrBlock());
        if (subnet == null || Ipv4Cidr.parseAddress(placement.privateIpAddress()) < 0) {
            throw new SandboxException("the instance's network placement is not usable: " + placement);
        }
        synchronized (lock(placement.vpcId())) {
            boolean routed = vpcs.ensure(placement.vpcId(), placement.subnetId(), subnet);
            String namespace = NetworkNames.namespace(instanceId);
            String vpcNamespace = NetworkNames.namespace(placement.vpcId());
            String port = NetworkNames.instancePort(instanceId);
            if (java.nio.file.Files.exists(NetworkNames.namespacePath(instanceId))) {
                removeInstanceSide(instanceId, vpcNamespace);
            }
            HostCommand.run(ip("netns", "add", namespace));
            try {
                List<String> add = new ArrayList<>(List.of("link", "add", port, "netns", vpcNamespace, "type", "veth",
                        "peer", "name", "eth0"));
                if (placement.macAddress() != null) {
                    add.addAll(List.of("address", placement.macAddress()));
                }
                add.addAll(List.of("netns", namespace));
                HostCommand.run(ip(add.toArray(String[]::new)));
                HostCommand.run(ip("-n", vpcNamespace, "link", "set", port, "master",
                        NetworkNames.bridge(placement.subnetId()), "up"));
                HostCommand.ipBatch(tools, namespace, "addr add " + placement.privateIpAddress() + "/" + subnet.prefixLength() + " dev eth0",
                        "link set lo up", "link set eth0 up",
                        "route add default via " + VpcNamespaces.routerAddress(subnet));
                // an address just given back by a terminated instance is still in the router's ARP cache with
                // that instance's MAC address: forget it, so the new instance is reached at once
                HostCommand.run(ip("-n", vpcNamespace, "neigh", "flush", "to", placement.privateIpAddress()));
            } catch (SandboxException e) {
                removeInstanceSide(instanceId, vpcNamespace);
                vpcs.releaseIfUnused(placement.vpcId());
                throw e;
            }
            return new Attached(NetworkNames.namespacePath(instanceId), routed);
        }
    }

    /** What attach made: the namespace crun joins, and whether the host can reach the private address. */
    record Attached(Path namespace, boolean routedFromHost) {
    }

    /** Takes over the network of an instance still running from an earlier run of this server. */
    void adopt(NetworkPlacement placement) {
        Ipv4Cidr subnet = Ipv4Cidr.parseOrNull(placement.subnetCidrBlock());
        if (subnet != null) {
            vpcs.adopt(placement.vpcId(), subnet);
        }
    }

    /** Unwires the instance and lets its VPC's namespace go when it was the last one there. */
    void detach(String instanceId, NetworkPlacement placement) {
        synchronized (lock(placement.vpcId())) {
            removeInstanceSide(instanceId, NetworkNames.namespace(placement.vpcId()));
            vpcs.releaseIfUnused(placement.vpcId());
        }
    }

    private void removeInstanceSide(String instanceId, String vpcNamespace) {
        HostCommand.attempt(ip("-n", vpcNamespace, "link", "delete", NetworkNames.instancePort(instanceId)));
        HostCommand.attempt(ip("netns", "delete", NetworkNames.namespace(instanceId)));
    }

    private Object lock(String vpcId) {
        return vpcs.lock(vpcId);
    }

    private List<String> ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.ip().toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
