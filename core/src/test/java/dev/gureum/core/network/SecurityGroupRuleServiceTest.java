package dev.gureum.core.network;

import static dev.gureum.core.network.SecurityGroupWorld.assertRefused;
import static dev.gureum.core.network.SecurityGroupWorld.cidr;
import static dev.gureum.core.network.SecurityGroupWorld.context;
import static dev.gureum.core.network.SecurityGroupWorld.permission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.filter.Filter;
import dev.gureum.core.page.Page;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.tag.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authorize, revoke, modify, describe and re-describe the rules of security groups against the fake store. */
class SecurityGroupRuleServiceTest {
    private final SecurityGroupWorld world = new SecurityGroupWorld();

    @Test
    void eachPeerOfEachPermissionBecomesARule() {
        SecurityGroup web = world.create("web");
        List<GroupRule> added = world.rules.authorize(context(), Direction.INGRESS, web.id(), null, List.of(
                permission("tcp", 22, 22, Permission.Peer.ipv4("203.0.113.0/24", "office"),
                        Permission.Peer.ipv6("2001:DB8:0:0::/64", null)),
                permission("6", 443, 443, Permission.Peer.prefixList("pl-0123456789abcdef0", "cdn"))),
                List.of(new Tag("Name", "ssh")));
        assertEquals(3, added.size());
        GroupRule first = added.getFirst();
        assertEquals(List.of(web.id(), SecurityGroupWorld.ACCOUNT), List.of(first.groupId(), first.groupOwnerId()));
        assertEquals(new SecurityGroupRule(first.rule().id(), false, "tcp", 22, 22, "203.0.113.0/24", null, null, null,
                null, "office", List.of(new Tag("Name", "ssh"))), first.rule());
        assertEquals("2001:db8::/64", added.get(1).rule().cidrIpv6());
        assertEquals(List.of("tcp", "pl-0123456789abcdef0", "cdn"), List.of(added.get(2).rule().protocol(),
                added.get(2).rule().prefixListId(), added.get(2).rule().description()));
        assertEquals(added.stream().map(GroupRule::rule).toList(), world.current(web.id()).rules(false));
        assertEquals(1, world.current(web.id()).rules(true).size(), "the egress rule stays");
    }

    @Test
    void protocolsAreStoredTheWayEc2StoresThem() {
        SecurityGroup group = world.create("protocols");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("TCP", "tcp 1-2");
        expected.put("17", "udp 1-2");
        expected.put("1", "icmp 1-2");
        expected.put("58", "icmpv6 1-2");
        expected.put("all", "-1 -1--1");
        expected.put("50", "50 -1--1");
        int block = 0;
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            SecurityGroupRule rule = world.authorize(group, Direction.INGRESS,
                    permission(entry.getKey(), 1, 2, cidr("10.0." + block++ + ".0/24"))).getFirst().rule();
            assertEquals(entry.getValue(), rule.protocol() + " " + rule.fromPort() + "-" + rule.toPort(), entry.getKey());
        }
        SecurityGroupRule anyIcmpv6 = world.authorize(group, Direction.INGRESS,
                permission("icmpv6", null, null, cidr("10.1.0.0/16"))).getFirst().rule();
        assertEquals(List.of(-1, -1), List.of(anyIcmpv6.fromPort(), anyIcmpv6.toPort()));
        assertRefused("InvalidParameterValue", "Invalid value 'gre' for IP protocol. Unknown protocol.",
                () -> world.authorize(group, Direction.INGRESS, permission("gre", null, null, cidr("10.0.0.0/8"))));
        assertRefused("InvalidParameterValue", null,
                () -> world.authorize(group, Direction.INGRESS, permission("256", null, null, cidr("10.0.0.0/8"))));
        assertRefused("InvalidParameterValue", "Invalid value 'null' for protocol. VPC security group rules must "
                + "specify protocols explicitly.",
                () -> world.authorize(group, Direction.INGRESS, permission(null, 1, 2, cidr("10.0.0.0/8"))));
    }

    @Test
    void portsAndIcmpTypesAreChecked() {
        SecurityGroup group = world.create("ports");
        assertRefused("InvalidParameterValue", "Invalid value 'Must specify both from and to ports with TCP/UDP.' "
                + "for portRange.", () -> world.authorize(group, Direction.INGRESS,
                permission("tcp", 22, null, cidr("10.0.0.0/8"))));
        assertRefused("InvalidPermission.Malformed", "TCP/UDP port (65536) out of range",
                () -> world.authorize(group, Direction.INGRESS, permission("udp", 0, 65536, cidr("10.0.0.0/8"))));
        assertRefused("InvalidPermission.Malformed", "TCP/UDP port (-1) out of range",
                () -> world.authorize(group, Direction.INGRESS, permission("tcp", -1, -1, cidr("10.0.0.0/8"))));
        assertRefused("InvalidParameterValue", null,
                () -> world.authorize(group, Direction.INGRESS, permission("tcp", 443, 80, cidr("10.0.0.0/8"))));
        assertRefused("InvalidParameterValue", "Invalid value 'Must specify both from and to ports with ICMP.' "
                + "for portRange.", () -> world.authorize(group, Direction.INGRESS,
                permission("icmp", null, null, cidr("10.0.0.0/8"))));
        assertRefused("InvalidPermission.Malformed", "ICMP type (256) out of range",
                () -> world.authorize(group, Direction.INGRESS, permission("icmp", 256, 0, cidr("10.0.0.0/8"))));
        assertRefused("InvalidPermission.Malformed", "ICMP code (-2) out of range",
                () -> world.authorize(group, Direction.INGRESS, permission("icmp", 8, -2, cidr("10.0.0.0/8"))));
        assertRefused("InvalidParameterValue", null,
                () -> world.authorize(group, Direction.INGRESS, permission("icmp", -1, 0, cidr("10.0.0.0/8"))));
        SecurityGroupRule echo = world.authorize(group, Direction.INGRESS,
                permission("icmp", 8, -1, cidr("10.0.0.0/8"))).getFirst().rule();
        assertEquals(List.of(8, -1), List.of(echo.fromPort(), echo.toPort()));
        SecurityGroupRule all = world.authorize(group, Direction.INGRESS,
                permission("tcp", 0, 65535, cidr("10.0.0.0/8"))).getFirst().rule();
        assertEquals(List.of(0, 65535), List.of(all.fromPort(), all.toPort()));
    }

    @Test
    void peersAreCheckedAndWrittenCanonically() {
        SecurityGroup group = world.create("peers");
        assertEquals("10.0.0.24/29", world.authorize(group, Direction.INGRESS,
                permission("tcp", 1, 1, cidr("10.0.0.28/29"))).getFirst().rule().cidrIpv4());
        assertRefused("InvalidParameterValue", "CIDR block 10.0.0.300/24 is malformed",
                () -> world.authorize(group, Direction.INGRESS, permission("tcp", 1, 1, cidr("10.0.0.300/24"))));
        assertRefused("InvalidParameterValue", "CIDR block ::/0 is malformed",
                () -> world.authorize(group, Direction.INGRESS, permission("tcp", 1, 1, cidr("::/0"))));
        assertRefused("InvalidParameterValue", "CIDR block 10.0.0.0 is malformed",
                () -> world.authorize(group, Direction.INGRESS, permission("tcp", 1, 1, cidr("10.0.0.0"))));
        assertRefused("InvalidPrefixListId.Malformed", null, () -> world.authorize(group, Direction.INGRESS,
                permission("tcp", 1, 1, Permission.Peer.prefixList("list-1", null))));
        assertRefused("InvalidParameterCombination", "Only one of cidrIp, cidrIpv6, prefixListId, or "
                + "referencedGroupId can be specified", () -> world.authorize(group, Direction.INGRESS,
                permission("tcp", 1, 1, new Permission.Peer("10.0.0.0/8", "::/0", null, null, null, null, null))));
        assertRefused("MissingParameter", null, () -> world.authorize(group, Direction.INGRESS,
                permission("tcp", 1, 1, new Permission.Peer(null, null, null, null, null, null, "nothing"))));
        assertRefused("MissingParameter", "Missing source specification: include source security group or CIDR "
                + "information", () -> world.authorize(group, Direction.INGRESS, permission("tcp", 1, 1)));
        assertRefused("MissingParameter", "The request must contain the parameter ipPermissions",
                () -> world.authorize(group, Direction.INGRESS));
        assertRefused("InvalidParameterValue", "Invalid rule description. Valid descriptions are strings less than "
                + "256 characters from the following set: a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*",
                () -> world.authorize(group, Direction.INGRESS,
                        permission("tcp", 2, 2, Permission.Peer.ipv4("10.0.0.0/8", "l'office"))));
    }

    @Test
    void theOlderTopLevelIngressParameters() {
        assertEquals(List.of(), Permission.ofTopLevelParameters(Direction.INGRESS, null, null, null, null, null, null));
        assertEquals(List.of(permission("tcp", 22, 22, cidr("10.0.0.0/8"))),
                Permission.ofTopLevelParameters(Direction.INGRESS, "tcp", 22, 22, "10.0.0.0/8", null, null));
        Permission.Peer source = Permission.Peer.group(null, "source", null, null);
        assertEquals(List.of(permission("icmp", -1, -1, source), permission("tcp", 0, 65535, source),
                permission("udp", 0, 65535, source)),
                Permission.ofTopLevelParameters(Direction.INGRESS, null, null, null, null, "source", null));
        assertEquals(List.of(permission("tcp", 80, 80, source)),
                Permission.ofTopLevelParameters(Direction.INGRESS, "tcp", 80, 80, null, "source", null));
        assertRefused("InvalidParameterCombination", null, () -> Permission.ofTopLevelParameters(Direction.INGRESS,
                "tcp", 80, 80, "10.0.0.0/8", "source", null));
        assertRefused("Unsupported", null, () -> Permission.ofTopLevelParameters(Direction.EGRESS, "tcp", 80, 80,
                "10.0.0.0/8", null, null));
        SecurityGroup target = world.create("target");
        world.create("source");
        List<GroupRule> added = world.rules.authorize(context(), Direction.INGRESS, target.id(), null,
                Permission.ofTopLevelParameters(Direction.INGRESS, null, null, null, null, "source", null), List.of());
        assertEquals(List.of("icmp", "tcp", "udp"), added.stream().map(rule -> rule.rule().protocol()).toList());
    }

    @Test
    void referencedGroupsMustExistInTheSameVpc() {
        SecurityGroup web = world.create("web");
        SecurityGroup app = world.create("app");
        SecurityGroup elsewhere = world.create("elsewhere", world.otherVpc());
        SecurityGroupRule byName = world.authorize(app, Direction.INGRESS, permission("tcp", 80, 80,
                Permission.Peer.group(null, "web", null, "from web"))).getFirst().rule();
        assertEquals(List.of(web.id(), SecurityGroupWorld.ACCOUNT), List.of(byName.referencedGroupId(),
                byName.referencedGroupOwnerId()));
        assertRefused("InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist",
                () -> world.authorize(app, Direction.INGRESS, permission("tcp", 81, 81,
                        Permission.Peer.group("sg-0123456789abcdef0", null, null, null))));
        assertRefused("InvalidGroup.NotFound", "The security group 'nope' does not exist in default VPC '"
                + world.defaultVpc().id() + "'", () -> world.authorize(app, Direction.INGRESS,
                permission("tcp", 81, 81, Permission.Peer.group(null, "nope", null, null))));
        String differentNetworks = "You have specified two resources that belong to different networks.";
        assertRefused("InvalidGroup.NotFound", differentNetworks, () -> world.authorize(app, Direction.INGRESS,
                permission("tcp", 81, 81, Permission.Peer.group(elsewhere.id(), null, null, null))));
        assertRefused("InvalidGroup.NotFound", differentNetworks, () -> world.authorize(app, Direction.INGRESS,
                permission("tcp", 81, 81, Permission.Peer.group(web.id(), null, "999999999999", null))));
        assertRefused("InvalidGroupId.Malformed", null, () -> world.authorize(app, Direction.INGRESS,
                permission("tcp", 81, 81, Permission.Peer.group("group-1", null, null, null))));
    }

    @Test
    void referencingAGroupRewritesItSoAConcurrentDeleteLoses() {
        SecurityGroup web = world.create("web");
        SecurityGroup app = world.create("app");
        long before = version(web.id());
        world.authorize(app, Direction.INGRESS, permission("tcp", 80, 80, Permission.Peer.group(web.id(), null, null,
                null)));
        assertEquals(before + 1, version(web.id()));
        assertEquals(web, world.current(web.id()));
    }

    @Test
    void aRuleIsTakenOnce() {
        SecurityGroup group = world.create("once");
        world.authorize(group, Direction.INGRESS, permission("tcp", 22, 22, Permission.Peer.ipv4("0.0.0.0/0", "a")));
        assertRefused("InvalidPermission.Duplicate",
                "the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW\" already exists",
                () -> world.authorize(group, Direction.INGRESS, permission("6", 22, 22,
                        Permission.Peer.ipv4("0.0.0.0/0", "other description"))));
        assertRefused("InvalidPermission.Duplicate",
                "the specified rule \"peer: 0.0.0.0/0, ALL, ALLOW\" already exists",
                () -> world.authorize(group, Direction.EGRESS, permission("-1", 0, 0, cidr("0.0.0.0/0"))));
        assertRefused("InvalidParameterValue", "The same permission must not appear multiple times",
                () -> world.authorize(group, Direction.INGRESS, permission("udp", 53, 53, cidr("10.0.0.0/8"),
                        cidr("10.0.0.0/8"))));
        world.authorize(group, Direction.EGRESS, permission("tcp", 22, 22, cidr("0.0.0.0/0")));
        assertEquals(1, world.current(group.id()).rules(false).size(), "a refused request adds nothing");
    }

    @Test
    void eachDirectionHoldsSixtyRulesForIpv4AndSixtyForIpv6() {
        SecurityGroup group = world.create("full");
        List<Permission.Peer> sixty = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sixty.add(cidr("10.0." + i + ".0/24"));
        }
        world.authorize(group, Direction.INGRESS, new Permission("tcp", 22, 22, sixty));
        world.authorize(group, Direction.INGRESS, permission("tcp", 22, 22, Permission.Peer.ipv6("::/0", null)));
        world.authorize(group, Direction.EGRESS, new Permission("tcp", 22, 22, sixty.subList(0, 59)));
        String message = "The maximum number of rules per security group has been reached.";
        assertRefused("RulesPerSecurityGroupLimitExceeded", message, () -> world.authorize(group, Direction.INGRESS,
                permission("tcp", 23, 23, cidr("10.1.0.0/16"))));
        assertRefused("RulesPerSecurityGroupLimitExceeded", message, () -> world.authorize(group, Direction.EGRESS,
                permission("tcp", 23, 23, Permission.Peer.prefixList("pl-12345678", null))));
        assertEquals(61, world.current(group.id()).rules(false).size());
    }

    @Test
    void revokeByIdsOrByPermissions() {
        SecurityGroup group = world.create("revoke", world.otherVpc());
        List<GroupRule> added = world.authorize(group, Direction.INGRESS, permission("tcp", 22, 22,
                Permission.Peer.ipv4("203.0.113.0/24", "office"), cidr("198.51.100.0/24")));
        Revocation byId = world.rules.revoke(context(), Direction.INGRESS, group.id(), null, List.of(),
                List.of(added.getFirst().rule().id()));
        assertEquals(List.of(added.getFirst()), byId.revoked());
        assertEquals(List.of(), byId.unknown());
        assertRefused("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '"
                + added.getFirst().rule().id() + "' does not exist", () -> world.rules.revoke(context(),
                Direction.INGRESS, group.id(), null, List.of(), List.of(added.getFirst().rule().id())));
        String egressRule = world.current(group.id()).rules(true).getFirst().id();
        assertRefused("InvalidSecurityGroupRuleId.NotFound", null, () -> world.rules.revoke(context(),
                Direction.INGRESS, group.id(), null, List.of(), List.of(egressRule)));
        assertRefused("InvalidSecurityGroupRuleId.Malformed", null, () -> world.rules.revoke(context(),
                Direction.INGRESS, group.id(), null, List.of(), List.of("rule-1")));
        assertRefused("InvalidPermission.NotFound", "The specified rule does not exist in this security group.",
                () -> world.rules.revoke(context(), Direction.INGRESS, group.id(), null, List.of(
                        permission("tcp", 22, 22, cidr("198.51.100.0/24"), cidr("192.0.2.0/24"))), List.of()));
        assertEquals(1, world.current(group.id()).rules(false).size(), "outside the default VPC nothing is revoked");
        Revocation byPermission = world.rules.revoke(context(), Direction.INGRESS, group.id(), null, List.of(
                permission("6", 22, 22, cidr("198.51.100.0/24"))), List.of());
        assertEquals(List.of(added.get(1)), byPermission.revoked());
        assertEquals(List.of(), world.current(group.id()).rules(false));
        assertRefused("MissingParameter", null, () -> world.rules.revoke(context(), Direction.INGRESS, group.id(),
                null, List.of(), List.of()));
    }

    @Test
    void inTheDefaultVpcRevokeReportsWhatItDidNotFind() {
        SecurityGroup group = world.create("default-vpc");
        world.authorize(group, Direction.INGRESS, permission("tcp", 22, 22, cidr("203.0.113.0/24")));
        Revocation revocation = world.rules.revoke(context(), Direction.INGRESS, null, "default-vpc", List.of(
                permission("tcp", 22, 22, cidr("203.0.113.0/24"), cidr("192.0.2.0/24"))), List.of());
        assertEquals(1, revocation.revoked().size());
        SecurityGroupRule unknown = revocation.unknown().getFirst();
        assertEquals(List.of("tcp", "22", "192.0.2.0/24"), List.of(unknown.protocol(),
                Integer.toString(unknown.fromPort()), unknown.cidrIpv4()));
        assertEquals(List.of(), world.current(group.id()).rules(false));
    }

    @Test
    void terraformRevokesTheDefaultEgressRuleWithPortsZero() {
        SecurityGroup group = world.create("terraform");
        Revocation revocation = world.rules.revoke(context(), Direction.EGRESS, group.id(), null, List.of(
                permission("-1", 0, 0, cidr("0.0.0.0/0"))), List.of());
        assertEquals(group.rules(true), revocation.revoked().stream().map(GroupRule::rule).toList());
        assertEquals(List.of(), world.current(group.id()).rules());
    }

    @Test
    void modifyReplacesARuleInPlace() {
        SecurityGroup group = world.create("modify");
        SecurityGroupRule ssh = world.rules.authorize(context(), Direction.INGRESS, group.id(), null, List.of(
                permission("tcp", 22, 22, cidr("203.0.113.0/24"))), List.of(new Tag("k", "v"))).getFirst().rule();
        world.authorize(group, Direction.INGRESS, permission("tcp", 443, 443, cidr("0.0.0.0/0")));
        world.rules.modify(context(), group.id(), List.of(new RuleReplacement(ssh.id(), "tcp", 2222, 2222, null,
                "2001:db8::/48", null, null, "ssh")));
        SecurityGroupRule changed = world.current(group.id()).rules(false).getFirst();
        assertEquals(new SecurityGroupRule(ssh.id(), false, "tcp", 2222, 2222, null, "2001:db8::/48", null, null, null,
                "ssh", List.of(new Tag("k", "v"))), changed);
        assertRefused("InvalidPermission.Duplicate", null, () -> world.rules.modify(context(), group.id(), List.of(
                new RuleReplacement(ssh.id(), "tcp", 443, 443, "0.0.0.0/0", null, null, null, null))));
        assertRefused("InvalidSecurityGroupRuleId.NotFound", null, () -> world.rules.modify(context(), group.id(),
                List.of(new RuleReplacement("sgr-0123456789abcdef0", "tcp", 1, 1, "0.0.0.0/0", null, null, null,
                        null))));
        assertRefused("MissingParameter", "The request must contain exactly one of: cidrIp, cidrIpv6, prefixListId, "
                + "or referencedGroupId", () -> world.rules.modify(context(), group.id(), List.of(
                new RuleReplacement(ssh.id(), "tcp", 1, 1, null, null, null, null, null))));
        world.rules.modify(context(), group.id(), List.of(new RuleReplacement(ssh.id(), "-1", null, null, null, null,
                null, group.id(), null)));
        assertEquals(group.id(), world.current(group.id()).rules(false).getFirst().referencedGroupId());
    }

    @Test
    void descriptionsChangeByPermissionOrById() {
        SecurityGroup group = world.create("descriptions");
        List<GroupRule> added = world.authorize(group, Direction.INGRESS, permission("tcp", 22, 22,
                Permission.Peer.ipv4("203.0.113.0/24", "old"), cidr("198.51.100.0/24")));
        world.rules.updateDescriptions(context(), Direction.INGRESS, group.id(), null, List.of(permission("tcp", 22, 22,
                Permission.Peer.ipv4("198.51.100.0/24", "office"))), Map.of());
        Map<String, String> byId = new LinkedHashMap<>();
        byId.put(added.getFirst().rule().id(), null);
        world.rules.updateDescriptions(context(), Direction.INGRESS, null, "descriptions", List.of(), byId);
        assertEquals(java.util.Arrays.asList(null, "office"), world.current(group.id()).rules(false).stream()
                .map(SecurityGroupRule::description).toList());
        assertRefused("InvalidPermission.NotFound", null, () -> world.rules.updateDescriptions(context(),
                Direction.INGRESS, group.id(), null, List.of(permission("tcp", 23, 23, cidr("198.51.100.0/24"))),
                Map.of()));
        assertRefused("InvalidSecurityGroupRuleId.NotFound", null, () -> world.rules.updateDescriptions(context(),
                Direction.EGRESS, group.id(), null, List.of(), Map.of(added.getFirst().rule().id(), "x")));
        assertRefused("MissingParameter", null, () -> world.rules.updateDescriptions(context(), Direction.EGRESS,
                group.id(), null, List.of(), Map.of()));
    }

    @Test
    void describeRulesByIdsFiltersAndPages() {
        SecurityGroup group = world.create("described");
        List<GroupRule> added = world.rules.authorize(context(), Direction.INGRESS, group.id(), null, List.of(
                permission("tcp", 1, 7, cidr("10.0.0.0/8"), cidr("10.1.0.0/16"), cidr("10.2.0.0/16"),
                        cidr("10.3.0.0/16"), cidr("10.4.0.0/16"), cidr("10.5.0.0/16"))), List.of(new Tag("team", "a")));
        String first = added.getFirst().rule().id();
        assertEquals(List.of(first), ruleIds(world.rules.describe(context(), List.of(first), List.of(), null, null)));
        assertRefused("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID 'sgr-0123456789abcdef0' "
                + "does not exist", () -> world.rules.describe(context(), List.of("sgr-0123456789abcdef0"), List.of(),
                null, null));
        assertEquals(7, filteredRules("group-id", group.id()).size());
        assertEquals(List.of(first), filteredRules("security-group-rule-id", first));
        assertEquals(6, filteredRules("tag:team", "a").size());
        assertEquals(6, filteredRules("tag-key", "team").size());
        assertRefused("InvalidParameterValue", null, () -> filteredRules("cidr", "10.0.0.0/8"));
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<GroupRule> page = world.rules.describe(context(), List.of(), List.of(), 5, token);
            seen.addAll(ruleIds(page));
            token = page.nextToken();
        } while (token != null);
        assertEquals(9, seen.size(), "the default group's two, the new group's egress and six more");
        assertEquals(seen.stream().sorted().toList(), seen);
        assertNull(world.rules.describe(context(), List.of(), List.of(), 1000, null).nextToken());
    }

    @Test
    void aDryRunChangesNoRule() {
        SecurityGroup group = world.create("dry");
        int before = world.store.batches();
        List<GroupRule> added = world.rules.authorize(SecurityGroupWorld.dryRun(), Direction.INGRESS, group.id(), null,
                List.of(permission("tcp", 22, 22, cidr("10.0.0.0/8"))), List.of());
        world.rules.revoke(SecurityGroupWorld.dryRun(), Direction.EGRESS, group.id(), null, List.of(),
                List.of(group.rules().getFirst().id()));
        assertEquals(1, added.size());
        assertEquals(before, world.store.batches());
        assertTrue(world.current(group.id()).equals(group));
    }

    private long version(String groupId) {
        return world.store.get(NetworkRecords.SECURITY_GROUPS, new RecordKey(SecurityGroupWorld.ACCOUNT,
                SecurityGroupWorld.REGION, groupId)).map(Versioned::version).orElseThrow();
    }

    private List<String> filteredRules(String name, String value) {
        return ruleIds(world.rules.describe(context(), List.of(), List.of(new Filter(name, List.of(value))), null, null));
    }

    private static List<String> ruleIds(Page<GroupRule> page) {
        return page.items().stream().map(rule -> rule.rule().id()).toList();
    }
}
