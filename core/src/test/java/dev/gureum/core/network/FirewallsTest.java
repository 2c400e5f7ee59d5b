package dev.gureum.core.network;

import static dev.gureum.core.network.SecurityGroupWorld.ACCOUNT;
import static dev.gureum.core.network.SecurityGroupWorld.REGION;
import static dev.gureum.core.network.SecurityGroupWorld.context;
import static dev.gureum.core.network.SecurityGroupWorld.permission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.runtime.VpcFirewall;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every commit that changes a VPC's groups or interfaces hands the runtime the VPC's whole firewall afresh. */
class FirewallsTest {
    private final Firewalls firewalls = new Firewalls();
    private final FollowedStore store = followed(firewalls);
    private final DefaultVpcs defaultVpcs = new DefaultVpcs(store, RegionCatalog.load());
    private final SecurityGroupService groups = new SecurityGroupService(store, defaultVpcs, (context, id) -> false);
    private final RecordingRuntime runtime = new RecordingRuntime();

    @Test
    void rulesAndMembershipReachTheRuntimeAfterEachCommit() {
        firewalls.attach(store, runtime);
        Vpc vpc = defaultVpcs.require(context());
        SecurityGroup web = groups.create(context(), "web", "web", null, List.of());
        SecurityGroup clients = groups.create(context(), "clients", "clients", null, List.of());
        put(eni("eni-0a", "10.0.0.5", "i-0a", web.id()));
        put(eni("eni-0b", "10.0.0.6", "i-0b", clients.id()));
        VpcFirewall.InterfaceRules server = runtime.last().interfaces().stream()
                .filter(eni -> eni.interfaceId().equals("eni-0a")).findFirst().orElseThrow();
        assertEquals(List.of(), server.inbound(), "a new group allows nothing in");
        assertEquals(List.of(new VpcFirewall.Rule("-1", -1, -1, "0.0.0.0/0", null)), server.outbound());
        assertEquals(vpc.id(), runtime.last().vpcId());

        groups.rules().authorize(context(), Direction.INGRESS, web.id(), null, List.of(
                permission("tcp", 80, 80, Permission.Peer.group(clients.id(), null, null, null)),
                permission("tcp", 22, 22, Permission.Peer.ipv6("::/0", null))), List.of());
        server = runtime.last().interfaces().getFirst();
        assertEquals(List.of(new VpcFirewall.Rule("tcp", 80, 80, null, clients.id())), server.inbound(),
                "an IPv6 peer has nothing to match");
        assertEquals(List.of("10.0.0.6"), runtime.last().groupMembers().get(clients.id()));

        put(eni("eni-0c", "10.0.0.7", "i-0c", clients.id()));
        assertEquals(List.of("10.0.0.6", "10.0.0.7"), runtime.last().groupMembers().get(clients.id()),
                "a new member joins the set");
        store.apply(new WriteBatch().delete(NetworkRecords.NETWORK_INTERFACES, new RecordKey(ACCOUNT, REGION, "eni-0b"),
                WriteBatch.ANY));
        assertEquals(List.of("10.0.0.7"), runtime.last().groupMembers().get(clients.id()), "a deleted one leaves it");
    }

    @Test
    void aRuntimeThatEnforcesNothingIsToldNothing() {
        runtime.enforces = false;
        firewalls.attach(store, runtime);
        groups.create(context(), "web", "web", null, List.of());
        assertTrue(runtime.applied.isEmpty());
    }

    private NetworkInterface eni(String id, String address, String instanceId, String groupId) {
        Vpc vpc = defaultVpcs.require(context());
        return new NetworkInterface(id, ACCOUNT, REGION, vpc.id(), "subnet-0a", "us-east-1a", "02:00:00:00:00:01",
                List.of(new NetworkInterface.PrivateAddress(address, true)), List.of(groupId), true, "", false, null,
                new NetworkInterface.Attachment("eni-attach-" + id, instanceId, ACCOUNT, 0, true,
                        Instant.parse("2026-01-01T00:00:00Z")), List.of(), List.of());
    }

    private void put(NetworkInterface eni) {
        store.apply(new WriteBatch().put(NetworkRecords.NETWORK_INTERFACES, new RecordKey(ACCOUNT, REGION, eni.id()),
                WriteBatch.ANY, eni));
    }

    private static final class RecordingRuntime implements InstanceRuntime {
        final List<VpcFirewall> applied = new ArrayList<>();
        boolean enforces = true;

        VpcFirewall last() {
            return applied.getLast();
        }

        @Override
        public boolean enforcesFirewalls() {
            return enforces;
        }

        @Override
        public void applyFirewall(VpcFirewall firewall) {
            applied.add(firewall);
        }

        @Override
        public void launch(List<LaunchSpec> specs) {
        }

        @Override
        public void start(List<LaunchSpec> specs) {
        }

        @Override
        public void stop(List<InstanceRef> instances) {
        }

        @Override
        public void reboot(List<InstanceRef> instances) {
        }

        @Override
        public void terminate(List<InstanceRef> instances) {
        }

        @Override
        public void discardAll() {
        }

        @Override
        public String consoleOutput(InstanceRef instance) {
            return "";
        }

        @Override
        public dev.gureum.core.runtime.InstanceCounters counters(dev.gureum.core.runtime.InstanceRef instance) {
            return null;
        }

        @Override
        public dev.gureum.core.runtime.StatusChecks statusChecks(dev.gureum.core.runtime.InstanceRef instance) {
            return dev.gureum.core.runtime.StatusChecks.HEALTHY;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void close() {
        }
    }

    private static FollowedStore followed(Firewalls firewalls) {
        FollowedStore followed = new FollowedStore(new FakeStore());
        followed.follow(firewalls);
        return followed;
    }
}
