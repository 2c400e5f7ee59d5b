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
    void publicAddressesAndElasticIpsMapOntoTheirPrivateAddresses() {
        firewalls.attach(store, runtime);
        SecurityGroup web = groups.create(context(), "web", "web", null, List.of());
        put(eni("eni-0a", "10.0.0.5", "i-0a", web.id()).withPublicAddress(
                new NetworkInterface.PublicAddress("198.18.0.9", null, null)));
        assertEquals(List.of(new VpcFirewall.PublicMapping("198.18.0.9", "10.0.0.5", "eni-0a")),
                runtime.last().publicAddresses(), "a pool address maps onto the primary private address");

        NetworkInterface twoAddresses = eni("eni-0b", "10.0.0.6", "i-0b", web.id())
                .withSecondaryAddresses(List.of("10.0.0.16"), List.of());
        store.apply(new WriteBatch()
                .put(NetworkRecords.ELASTIC_ADDRESSES, new RecordKey(ACCOUNT, REGION, "eipalloc-0b"), WriteBatch.ANY,
                        new ElasticAddress("eipalloc-0b", ACCOUNT, REGION, "198.18.0.20", "eipassoc-0b", "eni-0b",
                                "10.0.0.16", List.of()))
                .put(NetworkRecords.NETWORK_INTERFACES, new RecordKey(ACCOUNT, REGION, "eni-0b"), WriteBatch.ANY,
                        twoAddresses.withPublicAddress(new NetworkInterface.PublicAddress("198.18.0.20", "eipalloc-0b",
                                "eipassoc-0b"))));
        assertEquals(List.of(new VpcFirewall.PublicMapping("198.18.0.9", "10.0.0.5", "eni-0a"),
                        new VpcFirewall.PublicMapping("198.18.0.20", "10.0.0.16", "eni-0b")),
                runtime.last().publicAddresses(), "an Elastic IP maps onto the address it was associated with");

        put(eni("eni-0a", "10.0.0.5", "i-0a", web.id()));
        assertEquals(List.of("198.18.0.20"), runtime.last().publicAddresses().stream()
                .map(VpcFirewall.PublicMapping::publicIp).toList(), "a released address leaves the NAT at once");

        RouteTableService routes = new RouteTableService(store, defaultVpcs);
        RouteTable main = routes.describe(context(), List.of(), List.of()).stream().filter(RouteTable::isMain)
                .findFirst().orElseThrow();
        String gateway = main.routes().stream().filter(route -> !route.isLocal()).findFirst().orElseThrow().gatewayId();
        routes.deleteRoute(context(), main.id(), "0.0.0.0/0");
        assertEquals(List.of(), runtime.last().publicAddresses(), "without a route to the internet gateway, no NAT");
        routes.putRoute(context(), main.id(), "0.0.0.0/0", gateway, false);
        assertEquals(1, runtime.last().publicAddresses().size(), "the route back, the NAT back");
    }

    @Test
    void eachSubnetGetsItsAclsEntriesLowestNumberFirstAndChangesReachTheRuntime() {
        firewalls.attach(store, runtime);
        Vpc vpc = defaultVpcs.require(context());
        NetworkAclService acls = new NetworkAclService(store, defaultVpcs);
        NetworkAcl defaultAcl = acls.describe(context(), List.of(), List.of()).stream().filter(NetworkAcl::isDefault)
                .findFirst().orElseThrow();
        acls.putEntry(context(), defaultAcl.id(), new NetworkAclEntry(200, false, "6", "0.0.0.0/0", null, true, 22, 22,
                null, null), false);
        acls.putEntry(context(), defaultAcl.id(), new NetworkAclEntry(90, false, "6", "10.0.0.0/8", null, false, 22, 22,
                null, null), false);
        List<VpcFirewall.SubnetAcl> subnets = runtime.last().subnetAcls();
        assertEquals(vpc.id(), runtime.last().vpcId());
        assertEquals(defaultAcl.associations().size(), subnets.size(), "every default subnet is guarded");
        VpcFirewall.SubnetAcl first = subnets.getFirst();
        assertEquals(defaultAcl.id(), first.networkAclId());
        assertEquals(List.of(
                        new VpcFirewall.AclRule(90, "6", "10.0.0.0/8", false, 22, 22, -1, -1),
                        new VpcFirewall.AclRule(100, "-1", "0.0.0.0/0", true, -1, -1, -1, -1),
                        new VpcFirewall.AclRule(200, "6", "0.0.0.0/0", true, 22, 22, -1, -1),
                        new VpcFirewall.AclRule(NetworkAclEntry.CATCH_ALL, "-1", "0.0.0.0/0", false, -1, -1, -1, -1)),
                first.ingress(), "evaluated lowest number first, whatever order they were made in");
        assertEquals(List.of(100, NetworkAclEntry.CATCH_ALL), first.egress().stream().map(VpcFirewall.AclRule::ruleNumber)
                .toList());

        NetworkAcl custom = acls.create(context(), vpc.id(), List.of(), null);
        String association = defaultAcl.associations().stream()
                .filter(existing -> existing.subnetId().equals(first.subnetId())).findFirst().orElseThrow().id();
        acls.replaceAssociation(context(), association, custom.id());
        VpcFirewall.SubnetAcl moved = runtime.last().subnetAcls().stream()
                .filter(acl -> acl.subnetId().equals(first.subnetId())).findFirst().orElseThrow();
        assertEquals(custom.id(), moved.networkAclId(), "a subnet follows its new association at once");
        assertEquals(List.of(new VpcFirewall.AclRule(NetworkAclEntry.CATCH_ALL, "-1", "0.0.0.0/0", false, -1, -1, -1, -1)),
                moved.ingress(), "a new ACL denies everything");
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
