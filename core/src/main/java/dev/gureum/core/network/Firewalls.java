package dev.gureum.core.network;

import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.VpcFirewall;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a runtime's firewalls equal to the security groups, public addresses and network ACLs in the store. It follows every committed batch
 * (through {@link FollowedStore}) and, for each VPC whose groups or interfaces the batch touched, computes
 * the VPC's whole {@link VpcFirewall} afresh from the records and hands it to the runtime: rules added or
 * revoked, groups of an interface changed, members joining or leaving a referenced group (an interface
 * created, deleted, given addresses) all take effect the same way, whichever service committed them. Work
 * on one VPC is serialized and always reads the latest records, so the runtime never ends on a stale one.
 * Only a runtime that {@link InstanceRuntime#enforcesFirewalls() enforces firewalls} is told anything.
 */
public final class Firewalls implements FollowedStore.Follower {
    private record VpcKey(String account, String region, String vpcId) {
    }

    private static final Logger LOG = Logger.getLogger(Firewalls.class.getName());
    private final Map<VpcKey, Object> locks = new ConcurrentHashMap<>();
    private volatile Store store;
    private volatile InstanceRuntime runtime;

    /** Starts sending firewalls to the runtime, reading records from the store. */
    public void attach(Store records, InstanceRuntime instances) {
        this.store = records;
        this.runtime = instances.enforcesFirewalls() ? instances : null;
    }

    @Override
    public boolean follows(RecordKind<?> kind) {
        return runtime != null && (kind.equals(NetworkRecords.SECURITY_GROUPS)
                || kind.equals(NetworkRecords.NETWORK_INTERFACES) || kind.equals(NetworkRecords.NETWORK_ACLS)
                || kind.equals(NetworkRecords.ROUTE_TABLES) || kind.equals(NetworkRecords.INTERNET_GATEWAYS));
    }

    @Override
    public void committed(List<FollowedStore.Change> changes) {
        Set<VpcKey> touched = new LinkedHashSet<>();
        for (FollowedStore.Change change : changes) {
            for (Object value : new Object[] {change.before(), change.after()}) {
                String vpcId = switch (value) {
                    case SecurityGroup group -> group.vpcId();
                    case NetworkInterface eni -> eni.vpcId();
                    case NetworkAcl acl -> acl.vpcId();
                    case RouteTable table -> table.vpcId();
                    case InternetGateway gateway -> gateway.attachedVpcId();
                    case null, default -> null;
                };
                if (vpcId != null) {
                    touched.add(new VpcKey(change.key().account(), change.key().region(), vpcId));
                }
            }
        }
        touched.forEach(this::push);
    }

    @Override
    public void wiped() {
        locks.clear();
    }

    /** At start-up: every VPC with interfaces gets its firewall, before any instance boots again. */
    public void reconcile() {
        if (runtime == null) {
            return;
        }
        Set<VpcKey> vpcs = new LinkedHashSet<>();
        for (Versioned<NetworkInterface> eni : store.listAll(NetworkRecords.NETWORK_INTERFACES)) {
            vpcs.add(new VpcKey(eni.key().account(), eni.key().region(), eni.value().vpcId()));
        }
        vpcs.forEach(this::push);
    }

    private void push(VpcKey vpc) {
        InstanceRuntime target = runtime;
        if (target == null) {
            return;
        }
        synchronized (locks.computeIfAbsent(vpc, unused -> new Object())) {
            try {
                target.applyFirewall(firewall(store, vpc.account(), vpc.region(), vpc.vpcId()));
            } catch (RuntimeException e) {
                // the commit stands; the next change of the VPC (or the next start) sends the firewall again
                LOG.log(Level.WARNING, "cannot hand the firewall of " + vpc.vpcId() + " to the runtime", e);
            }
        }
    }

    /** The VPC's firewall as its records say now. */
    public static VpcFirewall firewall(Store store, String account, String region, String vpcId) {
        Map<String, SecurityGroup> groups = new LinkedHashMap<>();
        for (Versioned<SecurityGroup> group : store.list(NetworkRecords.SECURITY_GROUPS, account, region)) {
            if (vpcId.equals(group.value().vpcId())) {
                groups.put(group.value().id(), group.value());
            }
        }
        List<NetworkInterface> interfaces = store.list(NetworkRecords.NETWORK_INTERFACES, account, region).stream()
                .map(Versioned::value).filter(eni -> vpcId.equals(eni.vpcId())).toList();
        Map<String, Set<String>> members = new TreeMap<>();
        groups.keySet().forEach(id -> members.put(id, new TreeSet<>()));
        List<VpcFirewall.InterfaceRules> rules = new ArrayList<>();
        for (NetworkInterface eni : interfaces) {
            List<String> addresses = eni.privateAddresses().stream().map(NetworkInterface.PrivateAddress::address).toList();
            List<VpcFirewall.Rule> inbound = new ArrayList<>();
            List<VpcFirewall.Rule> outbound = new ArrayList<>();
            for (String groupId : eni.groupIds()) {
                members.computeIfAbsent(groupId, unused -> new TreeSet<>()).addAll(addresses);
                SecurityGroup group = groups.get(groupId);
                if (group != null) {
                    group.rules(false).forEach(rule -> addRule(inbound, rule));
                    group.rules(true).forEach(rule -> addRule(outbound, rule));
                }
            }
            NetworkInterface.Attachment attachment = eni.attachment();
            rules.add(new VpcFirewall.InterfaceRules(eni.id(), attachment == null ? null : attachment.instanceId(),
                    attachment == null ? -1 : attachment.deviceIndex(), eni.macAddress(), addresses, inbound, outbound));
        }
        Map<String, List<String>> memberLists = new TreeMap<>();
        members.forEach((id, addresses) -> memberLists.put(id, List.copyOf(addresses)));
        InternetRoutes internet = new InternetRoutes(store, account, region, vpcId);
        List<NetworkInterface> reachable = interfaces.stream().filter(eni -> internet.reachesInternet(eni.subnetId())).toList();
        return new VpcFirewall(account, region, vpcId, rules, memberLists, publicAddresses(store, account, region, reachable),
                NetworkAclRules.subnetAcls(store, account, region, vpcId));
    }

    /**
     * The VPC's 1:1 NAT: each interface's public address onto its primary private address, or, for an
     * Elastic IP, onto the private address it was associated with; only for interfaces whose subnet routes
     * to an attached internet gateway ({@link InternetRoutes}).
     */
    private static List<VpcFirewall.PublicMapping> publicAddresses(Store store, String account, String region,
                                                                   List<NetworkInterface> interfaces) {
        List<VpcFirewall.PublicMapping> mappings = new ArrayList<>();
        for (NetworkInterface eni : interfaces) {
            NetworkInterface.PublicAddress address = eni.publicAddress();
            if (address == null) {
                continue;
            }
            String privateIp = eni.primaryPrivateAddress();
            if (address.isElastic()) {
                ElasticAddress elastic = store.get(NetworkRecords.ELASTIC_ADDRESSES,
                        new RecordKey(account, region, address.allocationId())).map(Versioned::value).orElse(null);
                if (elastic != null && elastic.privateIpAddress() != null && eni.id().equals(elastic.networkInterfaceId())) {
                    privateIp = elastic.privateIpAddress();
                }
            }
            mappings.add(new VpcFirewall.PublicMapping(address.publicIp(), privateIp, eni.id()));
        }
        return mappings;
    }

    /** The rule as the runtime sees it, once; IPv6 blocks and prefix lists have nothing to match in a runtime. */
    private static void addRule(List<VpcFirewall.Rule> rules, SecurityGroupRule rule) {
        if (rule.cidrIpv4() == null && rule.referencedGroupId() == null) {
            return;
        }
        VpcFirewall.Rule converted = new VpcFirewall.Rule(rule.protocol(), rule.fromPort(), rule.toPort(),
                rule.cidrIpv4(), rule.cidrIpv4() == null ? rule.referencedGroupId() : null);
        if (!rules.contains(converted)) {
            rules.add(converted);
        }
    }
}
