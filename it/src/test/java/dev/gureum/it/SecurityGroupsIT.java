package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Security groups through the real AWS SDK for Java v2: every group and rule operation, the AWS error
 * codes and texts of the refusals, and the sequence Terraform's aws_security_group and
 * aws_vpc_security_group_*_rule resources send. Only the default VPC can be made through the API yet,
 * so what differs in other VPCs is pinned by core's unit tests.
 */
class SecurityGroupsIT {
    private static final String OTHER_ACCOUNT = "111111111111";

    private static GureumProcess server;
    private static Ec2Client ec2;
    private static Ec2Client otherAccount;
    private static String defaultVpc;
    private static String defaultGroup;
    private final List<Runnable> cleanups = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--auth", "any");
        ec2 = Clients.ec2(server.endpoint());
        otherAccount = Clients.ec2(server.endpoint(), Region.US_EAST_1, OTHER_ACCOUNT, "secret");
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups().getFirst();
        defaultVpc = group.vpcId();
        defaultGroup = group.groupId();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            otherAccount.close();
            server.close();
        }
    }

    @AfterEach
    void cleanUp() {
        cleanups.reversed().forEach(Runnable::run);
    }

    @Test
    void theDefaultVpcHasItsDefaultGroupFromTheStart() {
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(defaultGroup)).securityGroups().getFirst();
        assertEquals("default VPC security group", group.description());
        assertEquals(List.of(IpPermission.builder().ipProtocol("-1").userIdGroupPairs(UserIdGroupPair.builder()
                .groupId(defaultGroup).userId(group.ownerId()).build()).build()), withoutEmptyLists(group.ipPermissions()));
        assertEquals(List.of(allTraffic("0.0.0.0/0")), withoutEmptyLists(group.ipPermissionsEgress()));
        assertEquals("arn:aws:ec2:us-east-1:" + group.ownerId() + ":security-group/" + defaultGroup,
                group.securityGroupArn());
        assertError("CannotDelete", "the specified group: \"" + defaultGroup + "\" name: \"default\" cannot be deleted "
                + "by a user", () -> ec2.deleteSecurityGroup(r -> r.groupId(defaultGroup)));
        assertError("CannotDelete", null, () -> ec2.deleteSecurityGroup(r -> r.groupName("default")));
    }

    @Test
    void createDescribeAndDelete() {
        String name = unique("web");
        CreateSecurityGroupResponse created = ec2.createSecurityGroup(r -> r.groupName(name).description("Web tier")
                .tagSpecifications(tags("security-group", "env", "prod")));
        String id = created.groupId();
        assertTrue(id.matches("sg-[0-9a-f]{17}"), id);
        assertEquals(List.of(tag("env", "prod")), created.tags());
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().getFirst();
        assertEquals(List.of(name, "Web tier", defaultVpc, created.securityGroupArn()),
                List.of(group.groupName(), group.description(), group.vpcId(), group.securityGroupArn()));
        assertEquals(List.of(), group.ipPermissions());
        assertEquals(List.of(allTraffic("0.0.0.0/0")), withoutEmptyLists(group.ipPermissionsEgress()));
        assertEquals(List.of(tag("env", "prod")), group.tags());
        assertEquals(id, ec2.describeSecurityGroups(r -> r.groupNames(name)).securityGroups().getFirst().groupId());
        assertEquals(id, ec2.deleteSecurityGroup(r -> r.groupName(name)).groupId());
        assertError("InvalidGroup.NotFound", "The security group '" + id + "' does not exist",
                () -> ec2.deleteSecurityGroup(r -> r.groupId(id)));
        assertError("InvalidGroup.NotFound", "The security group '" + name + "' does not exist in default VPC '"
                + defaultVpc + "'", () -> ec2.describeSecurityGroups(r -> r.groupNames(name)));
    }

    @Test
    void createRefusesWhatEc2Refuses() {
        String name = unique("twice");
        create(name);
        assertError("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC '" + defaultVpc
                + "'", () -> ec2.createSecurityGroup(r -> r.groupName(name).description("again")));
        assertError("InvalidGroup.Reserved", null, () -> ec2.createSecurityGroup(r -> r.groupName("default")
                .description("d")));
        assertError("InvalidParameterValue", "Value (sg-web) for parameter GroupName is invalid. Group names may not "
                + "be in the format sg-*.", () -> ec2.createSecurityGroup(r -> r.groupName("sg-web").description("d")));
        assertError("InvalidParameterValue", null, () -> ec2.createSecurityGroup(r -> r.groupName(unique("accent"))
                .description("caf\u00e9")));
        assertError("MissingParameter", null, () -> ec2.createSecurityGroup(r -> r.groupName(unique("bare"))));
        assertError("InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist",
                () -> ec2.createSecurityGroup(r -> r.groupName(unique("nowhere")).description("d")
                        .vpcId("vpc-0123456789abcdef0")));
        assertError("InvalidVpcId.Malformed", null, () -> ec2.createSecurityGroup(r -> r.groupName(unique("bad"))
                .description("d").vpcId("vpc-1")));
        assertError("InvalidParameterValue", null, () -> ec2.createSecurityGroup(r -> r.groupName(unique("tagged"))
                .description("d").tagSpecifications(tags("instance", "k", "v"))));
        assertError("DryRunOperation", null, () -> ec2.createSecurityGroup(r -> r.groupName(unique("dry"))
                .description("d").dryRun(true)));
        String named = ec2.createSecurityGroup(r -> r.groupName(unique("in-default")).description("d")
                .vpcId(defaultVpc)).groupId();
        cleanups.add(() -> ec2.deleteSecurityGroup(r -> r.groupId(named)));
        assertEquals(defaultVpc, describe(named).vpcId());
    }

    @Test
    void authorizeAnswersTheNewRulesAndDescribeGroupsThemIntoPermissions() {
        String id = create(unique("rules"));
        List<SecurityGroupRule> added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(tcp(22, "203.0.113.0/24"), IpPermission.builder().ipProtocol("6").fromPort(22).toPort(22)
                        .ipRanges(IpRange.builder().cidrIp("198.51.100.7/24").description("office").build()).build(),
                        IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                                .ipv6Ranges(range -> range.cidrIpv6("::/0")).build(),
                        IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1)
                                .prefixListIds(list -> list.prefixListId("pl-0123456789abcdef0")).build(),
                        IpPermission.builder().ipProtocol("-1").userIdGroupPairs(pair -> pair.groupId(id)).build())
                .tagSpecifications(tags("security-group-rule", "Name", "ssh"))).securityGroupRules();
        assertEquals(5, added.size());
        SecurityGroupRule office = added.get(1);
        assertEquals(List.of(id, "tcp", "22", "22", "198.51.100.0/24", "office", "false"),
                List.of(office.groupId(), office.ipProtocol(), office.fromPort().toString(), office.toPort().toString(),
                        office.cidrIpv4(), office.description(), office.isEgress().toString()));
        assertEquals(List.of(tag("Name", "ssh")), office.tags());
        SecurityGroupRule self = added.get(4);
        assertEquals(List.of("-1", "-1", "-1", id), List.of(self.ipProtocol(), self.fromPort().toString(),
                self.toPort().toString(), self.referencedGroupInfo().groupId()));

        List<IpPermission> permissions = withoutEmptyLists(describe(id).ipPermissions());
        assertEquals(4, permissions.size(), permissions.toString());
        assertEquals(List.of("203.0.113.0/24", "198.51.100.0/24"),
                permissions.getFirst().ipRanges().stream().map(IpRange::cidrIp).toList());
        assertEquals(IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1)
                .prefixListIds(list -> list.prefixListId("pl-0123456789abcdef0")).build(), permissions.get(2));
        assertNull(permissions.get(3).fromPort(), "all protocols: no ports in DescribeSecurityGroups");

        ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(tcp(5432, "10.0.0.0/8")));
        assertEquals(2, describe(id).ipPermissionsEgress().size());
    }

    @Test
    void authorizeRefusesWhatEc2Refuses() {
        String id = create(unique("refusals"));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "0.0.0.0/0")));
        assertError("InvalidPermission.Duplicate",
                "the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW\" already exists",
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "0.0.0.0/0"))));
        assertError("InvalidPermission.Duplicate", "the specified rule \"peer: 0.0.0.0/0, ALL, ALLOW\" already exists",
                () -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(allTraffic("0.0.0.0/0"))));
        assertError("InvalidPermission.Malformed", "TCP/UDP port (70000) out of range",
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(70000, "0.0.0.0/0"))));
        assertError("InvalidParameterValue", "CIDR block 10.0.0.0/33 is malformed",
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(1, "10.0.0.0/33"))));
        assertError("InvalidParameterValue", null, () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(1)
                        .ipRanges(range -> range.cidrIp("10.0.0.0/8")).build())));
        assertError("InvalidPrefixListId.Malformed", null, () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(1).toPort(1)
                        .prefixListIds(list -> list.prefixListId("list")).build())));
        assertError("InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist",
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp").fromPort(1).toPort(1)
                        .userIdGroupPairs(pair -> pair.groupId("sg-0123456789abcdef0")).build())));
        assertError("InvalidGroup.NotFound", null, () -> ec2.authorizeSecurityGroupIngress(r -> r
                .groupId("sg-0123456789abcdef0").ipPermissions(tcp(22, "0.0.0.0/0"))));
        assertError("InvalidGroupId.Malformed", "Invalid id: \"sg-1\" (expecting \"sg-...\")",
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId("sg-1").ipPermissions(tcp(22, "0.0.0.0/0"))));
        assertError("MissingParameter", null, () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)));
        assertError("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been "
                + "reached.", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission
                .builder().ipProtocol("udp").fromPort(53).toPort(53).ipRanges(IntStream.range(0, 60)
                        .mapToObj(n -> IpRange.builder().cidrIp("10.0." + n + ".0/24").build()).toList()).build())));
        assertError("DryRunOperation", null, () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).dryRun(true)
                .ipPermissions(tcp(80, "0.0.0.0/0"))));
        assertEquals(1, describe(id).ipPermissions().size(), "refused and dry-run requests change nothing");
    }

    @Test
    void theOlderTopLevelIngressParameters() {
        String name = unique("classic");
        String id = create(name);
        String source = create(unique("source"));
        String sourceName = describe(source).groupName();
        ec2.authorizeSecurityGroupIngress(r -> r.groupName(name).ipProtocol("tcp").fromPort(80).toPort(80)
                .cidrIp("0.0.0.0/0"));
        List<SecurityGroupRule> fromGroup = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .sourceSecurityGroupName(sourceName)).securityGroupRules();
        assertEquals(List.of("icmp", "tcp", "udp"), fromGroup.stream().map(SecurityGroupRule::ipProtocol).toList());
        assertTrue(fromGroup.stream().allMatch(rule -> rule.referencedGroupInfo().groupId().equals(source)));
        cleanups.add(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(id).sourceSecurityGroupName(sourceName)));
        RevokeSecurityGroupIngressResponse revoked = ec2.revokeSecurityGroupIngress(r -> r.groupName(name)
                .ipProtocol("tcp").fromPort(80).toPort(80).cidrIp("0.0.0.0/0"));
        assertEquals(1, revoked.revokedSecurityGroupRules().size());
        assertError("DependencyViolation", "resource " + source + " has a dependent object",
                () -> ec2.deleteSecurityGroup(r -> r.groupId(source)));
    }

    @Test
    void revokeByIdsOrByPermissions() {
        String id = create(unique("revoke"));
        List<SecurityGroupRule> added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(tcp(22, "203.0.113.0/24"), tcp(443, "203.0.113.0/24"))).securityGroupRules();
        RevokeSecurityGroupIngressResponse byId = ec2.revokeSecurityGroupIngress(r -> r.groupId(id)
                .securityGroupRuleIds(added.getFirst().securityGroupRuleId()));
        assertTrue(byId.returnValue());
        assertEquals(added.getFirst().securityGroupRuleId(),
                byId.revokedSecurityGroupRules().getFirst().securityGroupRuleId());
        assertError("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '"
                + added.getFirst().securityGroupRuleId() + "' does not exist", () -> ec2.revokeSecurityGroupIngress(
                r -> r.groupId(id).securityGroupRuleIds(added.getFirst().securityGroupRuleId())));
        assertError("InvalidSecurityGroupRuleId.Malformed", null, () -> ec2.revokeSecurityGroupIngress(
                r -> r.groupId(id).securityGroupRuleIds("rule-1")));
        RevokeSecurityGroupIngressResponse partly = ec2.revokeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(
                        range -> range.cidrIp("203.0.113.0/24").description("a description is not compared"),
                        range -> range.cidrIp("192.0.2.0/24")).build()));
        assertTrue(partly.returnValue(), "in the default VPC what is not found is reported, not refused");
        assertEquals(1, partly.revokedSecurityGroupRules().size());
        assertEquals(List.of(tcp(443, "192.0.2.0/24")), withoutEmptyLists(partly.unknownIpPermissions()));
        assertEquals(List.of(), describe(id).ipPermissions());
        RevokeSecurityGroupEgressResponse egress = ec2.revokeSecurityGroupEgress(r -> r.groupId(id)
                .ipPermissions(allTraffic("0.0.0.0/0")));
        assertEquals(1, egress.revokedSecurityGroupRules().size());
        assertError("MissingParameter", null, () -> ec2.revokeSecurityGroupEgress(r -> r.groupId(id)));
    }

    @Test
    void describeRulesModifyThemAndChangeTheirDescriptions() {
        String id = create(unique("modify"));
        List<SecurityGroupRule> added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(tcp(22, "203.0.113.0/24"), tcp(8080, "10.0.0.0/8"))).securityGroupRules();
        String ssh = added.getFirst().securityGroupRuleId();
        String egress = ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", id))).securityGroupRules()
                .stream().filter(SecurityGroupRule::isEgress).findFirst().orElseThrow().securityGroupRuleId();
        assertTrue(ec2.modifySecurityGroupRules(r -> r.groupId(id).securityGroupRules(update -> update
                .securityGroupRuleId(ssh).securityGroupRule(rule -> rule.ipProtocol("tcp").fromPort(2222).toPort(2222)
                        .cidrIpv6("2001:db8::/32").description("moved")))).returnValue());
        SecurityGroupRule moved = rule(ssh);
        assertEquals(List.of("2222", "2001:db8::/32", "moved"), List.of(moved.fromPort().toString(), moved.cidrIpv6(),
                moved.description()));
        assertError("InvalidPermission.Duplicate", null, () -> ec2.modifySecurityGroupRules(r -> r.groupId(id)
                .securityGroupRules(update -> update.securityGroupRuleId(ssh).securityGroupRule(rule -> rule
                        .ipProtocol("tcp").fromPort(8080).toPort(8080).cidrIpv4("10.0.0.0/8")))));
        assertError("InvalidSecurityGroupRuleId.NotFound", null, () -> ec2.modifySecurityGroupRules(r -> r.groupId(id)
                .securityGroupRules(update -> update.securityGroupRuleId("sgr-0123456789abcdef0").securityGroupRule(
                        rule -> rule.ipProtocol("tcp").fromPort(1).toPort(1).cidrIpv4("10.0.0.0/8")))));

        ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(8080).toPort(8080).ipRanges(range -> range.cidrIp("10.0.0.0/8")
                        .description("app")).build()));
        assertEquals("app", rule(added.get(1).securityGroupRuleId()).description());
        ec2.updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(id).securityGroupRuleDescriptions(
                entry -> entry.securityGroupRuleId(egress).description("anywhere")));
        assertEquals("anywhere", rule(egress).description());
        assertError("InvalidPermission.NotFound", "The specified rule does not exist in this security group.",
                () -> ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(id).ipPermissions(tcp(9, "10.0.0.0/8"))));
        assertError("InvalidSecurityGroupRuleId.NotFound", null, () -> ec2.updateSecurityGroupRuleDescriptionsIngress(
                r -> r.groupId(id).securityGroupRuleDescriptions(entry -> entry.securityGroupRuleId(egress))));
        assertError("InvalidSecurityGroupRuleId.NotFound", null, () -> ec2.describeSecurityGroupRules(
                r -> r.securityGroupRuleIds("sgr-0123456789abcdef0")));
        assertError("InvalidParameterValue", null, () -> ec2.describeSecurityGroupRules(
                r -> r.filters(filter("cidr", "10.0.0.0/8"))));
    }

    @Test
    void describeFiltersAndPages() {
        String tag = unique("page");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = create(unique("page" + i));
            ec2.createTags(r -> r.resources(id).tags(tag("batch", tag)));
            ids.add(id);
        }
        IpPermission fromSecond = IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                .userIdGroupPairs(pair -> pair.groupId(ids.get(1))).build();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(ids.getFirst()).ipPermissions(tcp(3306, "10.9.0.0/16"),
                fromSecond));
        cleanups.add(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(ids.getFirst()).ipPermissions(fromSecond)));
        Filter batch = filter("tag:batch", tag);
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String after = token;
            DescribeSecurityGroupsResponse page = ec2.describeSecurityGroups(r -> r.filters(batch).maxResults(5)
                    .nextToken(after));
            assertTrue(page.securityGroups().size() <= 5);
            page.securityGroups().forEach(group -> seen.add(group.groupId()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(ids.stream().sorted().toList(), seen);
        assertEquals(ids.stream().sorted().toList(), ec2.describeSecurityGroupsPaginator(r -> r.filters(batch)
                .maxResults(5)).securityGroups().stream().map(SecurityGroup::groupId).toList());
        assertEquals(List.of(ids.getFirst()), groupIds(filter("ip-permission.cidr", "10.9.0.0/16")));
        assertEquals(List.of(ids.getFirst()), groupIds(filter("ip-permission.from-port", "3306"), batch));
        assertEquals(List.of(ids.getFirst()), groupIds(filter("ip-permission.group-id", ids.get(1))));
        assertEquals(List.of(ids.getFirst()), groupIds(filter("ip-permission.group-name",
                describe(ids.get(1)).groupName())));
        assertEquals(7, groupIds(filter("egress.ip-permission.protocol", "-1"), batch).size());
        assertEquals(List.of(ids.get(2)), groupIds(filter("group-id", ids.get(2)), filter("vpc-id", defaultVpc)));
        assertError("InvalidParameterCombination", null, () -> ec2.describeSecurityGroups(r -> r.groupIds(ids)
                .maxResults(5)));
        assertError("InvalidParameterValue", null, () -> ec2.describeSecurityGroups(r -> r.maxResults(4)));
        assertError("InvalidParameterValue", "The filter 'bogus' is invalid",
                () -> ec2.describeSecurityGroups(r -> r.filters(filter("bogus", "x"))));
        assertError("InvalidGroupId.Malformed", null, () -> ec2.describeSecurityGroups(r -> r.groupIds("group")));

        DescribeSecurityGroupRulesResponse rules = ec2.describeSecurityGroupRules(r -> r.filters(
                filter("group-id", ids.getFirst())).maxResults(5));
        assertEquals(3, rules.securityGroupRules().size());
        assertNull(rules.nextToken());
    }

    @Test
    void tagsOnGroupsAndRulesThroughTheTagOperations() {
        String id = create(unique("tags"));
        ec2.createTags(r -> r.resources(id).tags(tag("team", "net"), tag("stage", "dev")));
        assertEquals(List.of("stage=dev", "team=net"), ec2.describeTags(r -> r.filters(filter("resource-id", id),
                        filter("resource-type", "security-group"))).tags().stream()
                .map(description -> description.key() + "=" + description.value()).toList());
        ec2.deleteTags(r -> r.resources(id).tags(tag -> tag.key("stage")));
        assertEquals(List.of(tag("team", "net")), describe(id).tags());
        assertEquals(List.of(id), groupIds(filter("tag-key", "team"), filter("group-id", id)));

        String rule = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "10.0.0.0/8"))
                .tagSpecifications(tags("security-group-rule", "Name", "ssh"))).securityGroupRules().getFirst()
                .securityGroupRuleId();
        ec2.createTags(r -> r.resources(rule, id).tags(tag("owner", "ops")));
        assertEquals(List.of(tag("Name", "ssh"), tag("owner", "ops")), rule(rule).tags());
        assertEquals(List.of(rule + " security-group-rule Name=ssh", rule + " security-group-rule owner=ops"),
                ec2.describeTags(r -> r.filters(filter("resource-id", rule))).tags().stream()
                        .map(found -> found.resourceId() + " " + found.resourceTypeAsString() + " " + found.key() + "="
                                + found.value()).toList());
        assertEquals(List.of(rule), ec2.describeSecurityGroupRules(r -> r.filters(filter("tag:owner", "ops"),
                filter("group-id", id))).securityGroupRules().stream().map(SecurityGroupRule::securityGroupRuleId).toList());
        ec2.deleteTags(r -> r.resources(rule).tags(tag -> tag.key("Name")));
        assertEquals(List.of(tag("owner", "ops")), rule(rule).tags());
        assertError("InvalidSecurityGroupRuleId.NotFound", null, () -> ec2.createTags(r -> r
                .resources("sgr-0123456789abcdef0").tags(tag("k", "v"))));
    }

    @Test
    void accountsSeeOnlyTheirOwnGroups() {
        String id = create(unique("mine"));
        assertError("InvalidGroup.NotFound", null, () -> otherAccount.describeSecurityGroups(r -> r.groupIds(id)));
        SecurityGroup theirs = otherAccount.describeSecurityGroups().securityGroups().getFirst();
        assertEquals(List.of("default", OTHER_ACCOUNT), List.of(theirs.groupName(), theirs.ownerId()));
        assertFalse(theirs.vpcId().equals(defaultVpc));
    }

    /** The calls Terraform's aws_security_group and aws_vpc_security_group_ingress_rule make, in order. */
    @Test
    void terraformCreatesRevokesTheDefaultEgressAuthorizesModifiesAndDeletes() {
        String name = unique("terraform");
        String id = ec2.createSecurityGroup(r -> r.groupName(name).description("Managed by Terraform")).groupId();
        SecurityGroup fresh = describe(id);
        ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .fromPort(0).toPort(0).ipRanges(range -> range.cidrIp("0.0.0.0/0")).build()));
        assertEquals(List.of(), describe(id).ipPermissionsEgress());
        assertEquals(1, fresh.ipPermissionsEgress().size());
        List<String> ruleIds = new ArrayList<>();
        ruleIds.add(ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "203.0.113.0/24")))
                .securityGroupRules().getFirst().securityGroupRuleId());
        ruleIds.add(ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(443).toPort(443).ipv6Ranges(range -> range.cidrIpv6("::/0")).build()))
                .securityGroupRules().getFirst().securityGroupRuleId());
        List<SecurityGroupRule> described = ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleIds))
                .securityGroupRules();
        assertEquals(ruleIds.stream().sorted().toList(), described.stream().map(SecurityGroupRule::securityGroupRuleId)
                .toList());
        ec2.modifySecurityGroupRules(r -> r.groupId(id).securityGroupRules(update -> update
                .securityGroupRuleId(ruleIds.getFirst()).securityGroupRule(rule -> rule.ipProtocol("tcp").fromPort(22)
                        .toPort(22).cidrIpv4("198.51.100.0/24").description("bastion"))));
        assertEquals("198.51.100.0/24", rule(ruleIds.getFirst()).cidrIpv4());
        ec2.revokeSecurityGroupIngress(r -> r.groupId(id).securityGroupRuleIds(ruleIds.get(1)));
        assertTrue(ec2.deleteSecurityGroup(r -> r.groupId(id)).returnValue());
        assertError("InvalidGroup.NotFound", null, () -> ec2.describeSecurityGroups(r -> r.groupIds(id)));
    }

    private String create(String name) {
        String id = ec2.createSecurityGroup(r -> r.groupName(name).description("it " + name)).groupId();
        cleanups.add(() -> ec2.deleteSecurityGroup(r -> r.groupId(id)));
        return id;
    }

    private static SecurityGroup describe(String id) {
        return ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().getFirst();
    }

    private static SecurityGroupRule rule(String ruleId) {
        return ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId)).securityGroupRules().getFirst();
    }

    private static List<String> groupIds(Filter... filters) {
        return ec2.describeSecurityGroups(r -> r.filters(filters)).securityGroups().stream()
                .map(SecurityGroup::groupId).toList();
    }

    private static IpPermission tcp(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(range -> range.cidrIp(cidr)).build();
    }

    private static IpPermission allTraffic(String cidr) {
        return IpPermission.builder().ipProtocol("-1").ipRanges(range -> range.cidrIp(cidr)).build();
    }

    /** The SDK reads an empty XML list as an empty list, not as the absent list a builder leaves. */
    private static List<IpPermission> withoutEmptyLists(List<IpPermission> permissions) {
        return permissions.stream().map(permission -> {
            IpPermission.Builder copy = IpPermission.builder().ipProtocol(permission.ipProtocol())
                    .fromPort(permission.fromPort()).toPort(permission.toPort());
            addIfAny(permission.ipRanges(), copy::ipRanges);
            addIfAny(permission.ipv6Ranges(), copy::ipv6Ranges);
            addIfAny(permission.prefixListIds(), copy::prefixListIds);
            addIfAny(permission.userIdGroupPairs(), copy::userIdGroupPairs);
            return copy.build();
        }).toList();
    }

    private static <T> void addIfAny(List<T> values, Consumer<List<T>> setter) {
        if (!values.isEmpty()) {
            setter.accept(values);
        }
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static TagSpecification tags(String resourceType, String key, String value) {
        return TagSpecification.builder().resourceType(ResourceType.fromValue(resourceType)).tags(tag(key, value)).build();
    }

    private static void assertError(String code, String message, Runnable call) {
        Ec2Exception error = assertThrows(Ec2Exception.class, call::run);
        assertEquals(code, error.awsErrorDetails().errorCode(), error.getMessage());
        if (message != null) {
            assertEquals(message, error.awsErrorDetails().errorMessage());
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
