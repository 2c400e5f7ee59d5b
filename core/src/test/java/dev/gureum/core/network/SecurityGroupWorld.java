package dev.gureum.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Security groups over the hand-written fake store, with the account's default VPC and a second VPC. */
final class SecurityGroupWorld {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    final FakeStore store = new FakeStore();
    final DefaultVpcs defaultVpcs = new DefaultVpcs(store, RegionCatalog.load());
    /** The groups the fake network interfaces use. */
    final Set<String> inUse = new HashSet<>();
    final SecurityGroupService groups;
    final SecurityGroupRuleService rules;

    SecurityGroupWorld() {
        this(SecurityGroupQuotas.DEFAULT);
    }

    SecurityGroupWorld(SecurityGroupQuotas quotas) {
        groups = new SecurityGroupService(store, defaultVpcs, (context, groupId) -> inUse.contains(groupId), quotas);
        rules = groups.rules();
    }

    static RequestContext context() {
        return new RequestContext(ACCOUNT, REGION, "request", NOW, false);
    }

    static RequestContext dryRun() {
        return new RequestContext(ACCOUNT, REGION, "request", NOW, true);
    }

    Vpc defaultVpc() {
        return defaultVpcs.require(context());
    }

    /** A VPC that is not the default one, made as CreateVpc would make it. */
    Vpc otherVpc() {
        NewVpc created = NewVpc.create(context(), Ipv4Cidr.parseOrNull("10.0.0.0/16"), false, "dopt-0123456789abcdef0",
                "default", List.of());
        store.apply(created.addTo(new WriteBatch()));
        return created.vpc();
    }

    SecurityGroup create(String name) {
        return groups.create(context(), name, name + " group", null, List.of());
    }

    SecurityGroup create(String name, Vpc vpc) {
        return groups.create(context(), name, name + " group", vpc.id(), List.of());
    }

    SecurityGroup current(String groupId) {
        return store.get(NetworkRecords.SECURITY_GROUPS, new RecordKey(ACCOUNT, REGION, groupId)).orElseThrow().value();
    }

    SecurityGroup defaultGroup(Vpc vpc) {
        return current(vpc.defaultSecurityGroupId());
    }

    List<GroupRule> authorize(SecurityGroup group, Direction direction, Permission... permissions) {
        return rules.authorize(context(), direction, group.id(), null, List.of(permissions), List.of());
    }

    static Permission permission(String protocol, Integer from, Integer to, Permission.Peer... peers) {
        return new Permission(protocol, from, to, List.of(peers));
    }

    static Permission.Peer cidr(String block) {
        return Permission.Peer.ipv4(block, null);
    }

    static CloudException refusal(Runnable call) {
        return assertThrows(CloudException.class, call::run);
    }

    static void assertRefused(String code, String message, Runnable call) {
        CloudException refused = refusal(call);
        assertEquals(code, refused.code().code(), refused.getMessage());
        if (message != null) {
            assertEquals(message, refused.getMessage());
        }
    }
}
