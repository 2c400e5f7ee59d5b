package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.VpcFirewall;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The security groups in force in each VPC namespace: the latest {@link VpcFirewall} core sent for the VPC
 * is kept, loaded at once into its namespace when it exists, and loaded again whenever the namespace is
 * made (its first instance starts); a VPC core has not described yet gets {@link FirewallScript#denyAll()}.
 * Loading happens under the VPC's lock, so it never races the namespace's creation or removal.
 */
final class VpcFirewalls {
    private final HostTools tools;
    private final InternetNamespace internet;
    private final Map<String, VpcFirewall> latest = new ConcurrentHashMap<>();

    VpcFirewalls(HostTools tools, InternetNamespace internet) {
        this.tools = tools;
        this.internet = internet;
    }

    /** Remembers the VPC's firewall; the caller holds the VPC's lock and loads it if the namespace exists. */
    void remember(VpcFirewall firewall) {
        latest.put(firewall.vpcId(), firewall);
    }

    /** Loads the VPC's latest firewall into its namespace, if it has one; the caller holds the VPC's lock. */
    void loadIfPresent(String vpcId) {
        if (Files.exists(NetworkNames.namespacePath(vpcId))) {
            load(vpcId);
        }
    }

    /**
     * Loads the VPC's latest firewall (deny-all if none is known) into its existing namespace: security
     * groups, NAT and network ACLs in one transaction, then the internet's routes to its public addresses.
     */
    void load(String vpcId) {
        List<String> nft = List.of(tools.ip().toString(), "netns", "exec", NetworkNames.namespace(vpcId),
                tools.nft().toString(), "-f", "-");
        VpcFirewall firewall = latest.get(vpcId);
        HostCommand.Result loaded = HostCommand.attempt(nft, FirewallScript.render(firewall) + NatScript.render(firewall)
                + AclScript.render(firewall));
        if (!loaded.succeeded()) {
            throw new SandboxException("cannot load the firewall of " + vpcId + ": " + loaded.output().strip());
        }
        if (firewall != null) {
            internet.publish(firewall);
        }
    }

    /** The admin reset: the records are gone, so is what they said. */
    void forgetAll() {
        latest.clear();
    }
}
