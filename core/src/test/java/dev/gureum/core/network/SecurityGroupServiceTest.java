package dev.gureum.core.network;

import static dev.gureum.core.network.SecurityGroupWorld.assertRefused;
import static dev.gureum.core.network.SecurityGroupWorld.cidr;
import static dev.gureum.core.network.SecurityGroupWorld.context;
import static dev.gureum.core.network.SecurityGroupWorld.permission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.page.Page;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.tag.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** CreateSecurityGroup, DeleteSecurityGroup and DescribeSecurityGroups against the fake store. */
class SecurityGroupServiceTest {
    private final SecurityGroupWorld world = new SecurityGroupWorld();

    @Test
    void aNewGroupLivesInTheDefaultVpcAndMaySendAnywhere() {
        SecurityGroup group = world.groups.create(context(), "web", "Web servers", null, List.of(new Tag("env", "prod")));
        assertTrue(group.id().matches("sg-[0-9a-f]{17}"), group.id());
        assertEquals(world.defaultVpc().id(), group.vpcId());
        assertEquals(SecurityGroupWorld.ACCOUNT, group.ownerId());
        assertEquals(List.of(new Tag("env", "prod")), group.tags());
        assertEquals(List.of(), group.rules(false));
        SecurityGroupRule egress = group.rules(true).getFirst();
        assertEquals(List.of("-1", "-1", "-1", "0.0.0.0/0"), List.of(egress.protocol(),
                Integer.toString(egress.fromPort()), Integer.toString(egress.toPort()), egress.cidrIpv4()));
        assertTrue(egress.id().matches("sgr-[0-9a-f]{17}"), egress.id());
        assertEquals(group, world.current(group.id()));
        Vpc other = world.otherVpc();
        assertEquals(other.id(), world.create("web", other).vpcId(), "names are unique per VPC only");
    }

    @Test
    void namesAreUniqueInAVpcWhateverTheirCase() {
        Vpc vpc = world.defaultVpc();
        world.create("web");
        assertRefused("InvalidGroup.Duplicate", "The security group 'web' already exists for VPC '" + vpc.id() + "'",
                () -> world.create("web"));
        assertRefused("InvalidGroup.Duplicate", "The security group 'WEB' already exists for VPC '" + vpc.id() + "'",
                () -> world.create("WEB"));
        assertRefused("InvalidGroup.Reserved", "The security group 'default' is reserved", () -> world.create("default"));
        assertRefused("InvalidGroup.Reserved", null, () -> world.create("Default"));
    }

    @Test
    void concurrentCreatesOfOneNameLeaveOneGroup() throws Exception {
        world.defaultVpc();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            Callable<Boolean> create = () -> {
                try {
                    world.create("race");
                    return true;
                } catch (CloudException duplicate) {
                    return false;
                }
            };
            long created = 0;
            for (Future<Boolean> result : threads.invokeAll(Collections.nCopies(16, create))) {
                created += result.get() ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void namesAndDescriptionsFollowEc2sRules() {
        assertRefused("MissingParameter", "The request must contain the parameter GroupName",
                () -> world.groups.create(context(), "", "d", null, List.of()));
        assertRefused("MissingParameter", "The request must contain the parameter GroupDescription",
                () -> world.groups.create(context(), "n", null, null, List.of()));
        assertRefused("InvalidParameterValue",
                "Value (sg-web) for parameter GroupName is invalid. Group names may not be in the format sg-*.",
                () -> world.create("sg-web"));
        assertRefused("InvalidParameterValue", "Value (Caf\u00e9) for parameter GroupDescription is invalid. "
                + "Character sets beyond ASCII are not supported.",
                () -> world.groups.create(context(), "cafe", "Caf\u00e9", null, List.of()));
        assertRefused("InvalidParameterValue", "Invalid security group description. Valid descriptions are strings "
                + "less than 256 characters from the following set: a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*",
                () -> world.groups.create(context(), "quote", "it's", null, List.of()));
        assertRefused("InvalidParameterValue", null, () -> world.groups.create(context(), "x".repeat(256), "d", null,
                List.of()));
        assertRefused("InvalidParameterValue", null, () -> world.groups.create(context(), "tagged", "d", null,
                List.of(new Tag("aws:x", "y"))));
        String everyAllowed = "aZ09. _-:/()#,@[]+=&;{}!$*";
        assertEquals(everyAllowed, world.groups.create(context(), everyAllowed, everyAllowed, null, List.of()).name());
        assertEquals(255, world.groups.create(context(), "x".repeat(255), "y".repeat(255), null, List.of()).name().length());
    }

    @Test
    void aGroupNeedsAnExistingVpc() {
        assertRefused("InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist",
                () -> world.groups.create(context(), "web", "d", "vpc-0123456789abcdef0", List.of()));
        assertRefused("InvalidVpcId.Malformed", null, () -> world.groups.create(context(), "web", "d", "vpc-x", List.of()));
    }

    @Test
    void theRegionHoldsAtMostItsQuotaOfGroups() {
        SecurityGroupWorld small = new SecurityGroupWorld(new SecurityGroupQuotas(3, 60));
        small.defaultVpc();
        small.create("one");
        small.create("two");
        assertRefused("SecurityGroupLimitExceeded", "The maximum number of security groups has been reached.",
                () -> small.create("three"));
    }

    @Test
    void aDryRunChecksButWritesNothing() {
        world.defaultVpc();
        int before = world.store.batches();
        SecurityGroup dry = world.groups.create(SecurityGroupWorld.dryRun(), "web", "d", null, List.of());
        assertEquals(before, world.store.batches());
        SecurityGroup real = world.create("web");
        world.groups.delete(SecurityGroupWorld.dryRun(), real.id(), null);
        assertEquals(real, world.current(real.id()));
        assertNotNull(dry.id());
    }

    @Test
    void deletesByIdOrByNameAndFreesTheName() {
        SecurityGroup byId = world.create("by-id");
        SecurityGroup byName = world.create("by-name");
        assertEquals(byId.id(), world.groups.delete(context(), byId.id(), null));
        assertEquals(byName.id(), world.groups.delete(context(), null, "BY-NAME"));
        assertRefused("InvalidGroup.NotFound", "The security group '" + byId.id() + "' does not exist",
                () -> world.groups.delete(context(), byId.id(), null));
        assertRefused("InvalidGroup.NotFound", "The security group 'by-name' does not exist in default VPC '"
                + world.defaultVpc().id() + "'", () -> world.groups.delete(context(), null, "by-name"));
        assertRefused("InvalidGroupId.Malformed", "Invalid id: \"web\" (expecting \"sg-...\")",
                () -> world.groups.delete(context(), "web", null));
        assertRefused("MissingParameter", null, () -> world.groups.delete(context(), null, null));
        world.create("by-name");
    }

    @Test
    void theDefaultGroupStays() {
        Vpc vpc = world.defaultVpc();
        String id = vpc.defaultSecurityGroupId();
        String message = "the specified group: \"" + id + "\" name: \"default\" cannot be deleted by a user";
        assertRefused("CannotDelete", message, () -> world.groups.delete(context(), id, null));
        assertRefused("CannotDelete", message, () -> world.groups.delete(context(), null, "default"));
    }

    @Test
    void aGroupReferencedByAnotherOrInUseStays() {
        SecurityGroup database = world.create("database");
        SecurityGroup web = world.create("web");
        world.authorize(database, Direction.INGRESS, permission("tcp", 5432, 5432,
                Permission.Peer.group(web.id(), null, null, null)));
        world.authorize(web, Direction.INGRESS, permission("-1", null, null,
                Permission.Peer.group(web.id(), null, null, null)));
        String message = "resource " + web.id() + " has a dependent object";
        assertRefused("DependencyViolation", message, () -> world.groups.delete(context(), web.id(), null));
        world.rules.revoke(context(), Direction.INGRESS, database.id(), null, List.of(),
                List.of(world.current(database.id()).rules(false).getFirst().id()));
        world.inUse.add(web.id());
        assertRefused("DependencyViolation", message, () -> world.groups.delete(context(), web.id(), null));
        world.inUse.clear();
        assertEquals(web.id(), world.groups.delete(context(), web.id(), null), "a reference to itself does not hold it");
    }

    @Test
    void describeShowsTheDefaultGroupFromTheStart() {
        List<SecurityGroup> all = describe(List.of(), List.of(), List.of()).items();
        assertEquals(1, all.size());
        SecurityGroup group = all.getFirst();
        assertEquals(List.of("default", "default VPC security group", world.defaultVpc().id()),
                List.of(group.name(), group.description(), group.vpcId()));
        SecurityGroupRule self = group.rules(false).getFirst();
        assertEquals(List.of("-1", group.id(), SecurityGroupWorld.ACCOUNT),
                List.of(self.protocol(), self.referencedGroupId(), self.referencedGroupOwnerId()));
    }

    @Test
    void describeByIdsNamesAndFilters() {
        Vpc other = world.otherVpc();
        SecurityGroup web = world.groups.create(context(), "web", "Web tier", null, List.of(new Tag("tier", "web")));
        SecurityGroup db = world.create("db", other);
        world.authorize(web, Direction.INGRESS, permission("tcp", 443, 443, cidr("0.0.0.0/0")),
                permission("tcp", 22, 22, Permission.Peer.ipv6("2001:db8::/32", null)));
        SecurityGroup app = world.create("app");
        world.authorize(app, Direction.INGRESS, permission("tcp", 8080, 8080, Permission.Peer.group(web.id(), null,
                null, null)));
        world.authorize(app, Direction.EGRESS, permission("udp", 53, 53, Permission.Peer.prefixList("pl-12345678", null)));
        String defaultGroup = world.defaultVpc().defaultSecurityGroupId();

        assertEquals(List.of(web.id()), ids(describe(List.of(web.id()), List.of(), List.of())));
        assertEquals(sorted(web.id(), defaultGroup), ids(describe(List.of(web.id()), List.of("default"), List.of())));
        assertRefused("InvalidGroup.NotFound", "The security group 'db' does not exist in default VPC '"
                + world.defaultVpc().id() + "'", () -> describe(List.of(), List.of("db"), List.of()));
        assertRefused("InvalidGroup.NotFound", "The security groups 'sg-0123456789abcdef0, sg-0123456789abcdef1' "
                + "do not exist", () -> describe(List.of("sg-0123456789abcdef0", web.id(), "sg-0123456789abcdef1"),
                List.of(), List.of()));

        assertEquals(List.of(web.id()), filtered("description", "Web*"));
        assertEquals(List.of(db.id()), filtered("group-name", "db"));
        assertEquals(List.of(db.id()), filtered("group-id", db.id()));
        assertEquals(sorted(db.id(), other.defaultSecurityGroupId()), filtered("vpc-id", other.id()));
        assertEquals(5, filtered("owner-id", SecurityGroupWorld.ACCOUNT).size(), "two default groups, three more");
        assertEquals(List.of(web.id()), filtered("tag:tier", "web"));
        assertEquals(List.of(web.id()), filtered("tag-key", "tier"));
        assertEquals(List.of(web.id()), filtered("ip-permission.cidr", "0.0.0.0/0"));
        assertEquals(List.of(web.id()), filtered("ip-permission.ipv6-cidr", "2001:db8::/32"));
        assertEquals(List.of(web.id()), filtered("ip-permission.from-port", "22"));
        assertEquals(List.of(web.id()), filtered("ip-permission.to-port", "443"));
        assertEquals(sorted(web.id(), app.id()), filtered("ip-permission.protocol", "tcp"));
        assertEquals(List.of(app.id()), filtered("ip-permission.group-id", web.id()));
        assertEquals(List.of(app.id()), filtered("ip-permission.group-name", "web"));
        assertEquals(List.of(app.id()), filtered("egress.ip-permission.prefix-list-id", "pl-12345678"));
        assertEquals(List.of(app.id()), filtered("egress.ip-permission.protocol", "udp"));
        assertEquals(List.of(app.id()), filtered("egress.ip-permission.from-port", "53"));
        assertEquals(List.of(app.id()), filtered("egress.ip-permission.to-port", "53"));
        assertEquals(5, filtered("egress.ip-permission.cidr", "0.0.0.0/0").size());
        assertEquals(List.of(), filtered("egress.ip-permission.ipv6-cidr", "::/0"));
        assertEquals(sorted(app.id(), defaultGroup, other.defaultSecurityGroupId()),
                filtered("ip-permission.user-id", SecurityGroupWorld.ACCOUNT));
        assertEquals(List.of(), filtered("egress.ip-permission.group-id", web.id()));
        assertEquals(List.of(), filtered("egress.ip-permission.group-name", "web"));
        assertEquals(List.of(), filtered("egress.ip-permission.user-id", SecurityGroupWorld.ACCOUNT));
        assertRefused("InvalidParameterValue", "The filter 'ip-permission.bogus' is invalid",
                () -> filtered("ip-permission.bogus", "x"));
    }

    @Test
    void describePagesAndRefusesMaxResultsWithIds() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            created.add(world.create("g" + i).id());
        }
        created.add(world.defaultVpc().defaultSecurityGroupId());
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<SecurityGroup> page = world.groups.describe(context(), List.of(), List.of(), List.of(), 5, token);
            assertTrue(page.items().size() <= 5);
            seen.addAll(ids(page));
            token = page.nextToken();
        } while (token != null);
        assertEquals(created.stream().sorted().toList(), seen);
        assertRefused("InvalidParameterCombination", "The parameter groupIdSet cannot be used with the parameter "
                + "maxResults", () -> world.groups.describe(context(), List.of(created.getFirst()), List.of(), List.of(),
                5, null));
        assertRefused("InvalidParameterValue", null,
                () -> world.groups.describe(context(), List.of(), List.of(), List.of(), 4, null));
        assertRefused("InvalidPaginationToken", null,
                () -> world.groups.describe(context(), List.of(), List.of(), List.of(), 5, "nope"));
        assertNull(world.groups.describe(context(), List.of(), List.of(), List.of(), 1000, null).nextToken());
    }

    @Test
    void otherAccountsSeeNothingOfIt() {
        SecurityGroup web = world.create("web");
        dev.gureum.core.RequestContext stranger = new dev.gureum.core.RequestContext("444455556666",
                SecurityGroupWorld.REGION, "request", context().now(), false);
        assertRefused("InvalidGroup.NotFound", null, () -> world.groups.delete(stranger, web.id(), null));
        assertEquals(1, world.groups.describe(stranger, List.of(), List.of(), List.of(), null, null).items().size());
        assertTrue(world.store.get(NetworkRecords.SECURITY_GROUPS, new RecordKey("444455556666",
                SecurityGroupWorld.REGION, web.id())).isEmpty());
    }

    private Page<SecurityGroup> describe(List<String> ids, List<String> names, List<Filter> filters) {
        return world.groups.describe(context(), ids, names, filters, null, null);
    }

    private List<String> filtered(String name, String value) {
        return ids(describe(List.of(), List.of(), List.of(new Filter(name, List.of(value)))));
    }

    private static List<String> ids(Page<SecurityGroup> page) {
        return page.items().stream().map(SecurityGroup::id).toList();
    }

    private static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }
}
