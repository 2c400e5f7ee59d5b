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
    private final Map<String, VpcFirewall> latest = new ConcurrentHashMap<>();

    VpcFirewalls(HostTools tools) {
        this.tools = tools;
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

    /** Loads the VPC's latest firewall (deny-all if none is known) into its existing namespace. */
    void load(String vpcId) {
        List<String> nft = List.of(tools.ip().toString(), "netns", "exec", NetworkNames.namespace(vpcId),
                tools.nft().toString(), "-f", "-");
        HostCommand.Result loaded = HostCommand.attempt(nft, FirewallScript.render(latest.get(vpcId)));
        if (!loaded.succeeded()) {
            throw new SandboxException("cannot load the firewall of " + vpcId + ": " + loaded.output().strip());
        }
    }

    /** The admin reset: the records are gone, so is what they said. */
    void forgetAll() {
        latest.clear();
    }
}
