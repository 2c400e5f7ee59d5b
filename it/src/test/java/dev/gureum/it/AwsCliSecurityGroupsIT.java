package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Security groups through the real aws CLI, typed as a user (or a script driving it) types them: the
 * Terraform-style lifecycle, the CLI's own --protocol/--port/--cidr shortcuts, filters, and the AWS error
 * codes the CLI prints. Setup that is not under test and every cleanup go through the SDK, which costs
 * milliseconds where a CLI process costs most of a second.
 */
class AwsCliSecurityGroupsIT {

    private static GureumProcess server;
    private static AwsCli aws;
    private static Ec2Client ec2;
    private final List<Runnable> cleanups = new ArrayList<>();

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        server = GureumProcess.start();
        aws = new AwsCli(server.endpoint());
        ec2 = Clients.ec2(server.endpoint());
    }

    @AfterEach
    void cleanUp() {
        cleanups.reversed().forEach(Runnable::run);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            server.close();
        }
    }

    @Test
    void terraformStyleLifecycle() {
        String id = aws.text("ec2", "create-security-group", "--group-name", unique("tf"), "--description",
                "Managed by Terraform", "--query", "GroupId");
        cleanups.add(() -> deleteIfPresent(id));
        // Debian's awscli 2.9 predates RevokedSecurityGroupRules in the model: it prints Return only.
        assertEquals("True", aws.text("ec2", "revoke-security-group-egress", "--group-id", id, "--ip-permissions",
                "IpProtocol=-1,FromPort=0,ToPort=0,IpRanges=[{CidrIp=0.0.0.0/0}]", "--query", "Return"));
        List<String> added = aws.text("ec2", "authorize-security-group-ingress", "--group-id", id, "--ip-permissions",
                "IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=203.0.113.0/24}]",
                "IpProtocol=tcp,FromPort=443,ToPort=443,Ipv6Ranges=[{CidrIpv6=::/0}]",
                "--query", "SecurityGroupRules[].[SecurityGroupRuleId, FromPort, CidrIpv4 || CidrIpv6]").lines().toList();
        List<String> ruleIds = added.stream().map(line -> line.split("\t")[0]).toList();
        assertEquals(List.of("22\t203.0.113.0/24", "443\t::/0"),
                added.stream().map(line -> line.substring(line.indexOf('\t') + 1)).toList());
        assertEquals("True", aws.text("ec2", "modify-security-group-rules", "--group-id", id, "--security-group-rules",
                "SecurityGroupRuleId=" + ruleIds.get(0) + ",SecurityGroupRule={IpProtocol=tcp,FromPort=2222,"
                        + "ToPort=2222,CidrIpv4=198.51.100.0/24,Description=bastion}", "--query", "Return"));
        assertEquals(sorted(List.of(ruleIds.get(0) + "\ttcp\t2222\t2222\t198.51.100.0/24\tbastion",
                        ruleIds.get(1) + "\ttcp\t443\t443\t::/0\tNone")),
                lines(aws.text("ec2", "describe-security-group-rules", "--security-group-rule-ids", ruleIds.get(0),
                        ruleIds.get(1), "--query", "SecurityGroupRules[].[SecurityGroupRuleId, IpProtocol, FromPort, "
                                + "ToPort, CidrIpv4 || CidrIpv6, Description]")));
        assertEquals(List.of(0, 2), List.of(describe(id).ipPermissionsEgress().size(), describe(id).ipPermissions().size()));
        aws.text("ec2", "delete-security-group", "--group-id", id);
        assertEquals(List.of(), ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-id").values(id)))
                .securityGroups());
    }

    @Test
    void theCliShortcutsAndTheErrorsItPrints() {
        String name = unique("shortcut");
        String id = create(name);
        assertEquals("8000\t8080\t10.0.0.0/8", aws.text("ec2", "authorize-security-group-ingress", "--group-name", name,
                "--protocol", "tcp", "--port", "8000-8080", "--cidr", "10.0.0.0/8",
                "--query", "SecurityGroupRules[].[FromPort, ToPort, CidrIpv4]"));
        assertEquals("True", aws.text("ec2", "update-security-group-rule-descriptions-ingress", "--group-id", id,
                "--ip-permissions", "IpProtocol=tcp,FromPort=8000,ToPort=8080,IpRanges=[{CidrIp=10.0.0.0/8,"
                        + "Description=app}]", "--query", "Return"));
        assertEquals("app", describe(id).ipPermissions().getFirst().ipRanges().getFirst().description());
        String client = create(unique("client"));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(client).ipPermissions(fromGroup(id)));
        cleanups.add(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(client).ipPermissions(fromGroup(id))));

        aws.assertServerErrors(List.of(
                List.of("InvalidPermission.Duplicate", "ec2", "authorize-security-group-egress", "--group-id", id,
                        "--ip-permissions", "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]"),
                List.of("InvalidPermission.NotFound", "ec2", "update-security-group-rule-descriptions-egress",
                        "--group-id", id, "--ip-permissions", "IpProtocol=udp,FromPort=53,ToPort=53,"
                                + "IpRanges=[{CidrIp=10.0.0.0/8}]"),
                List.of("DependencyViolation", "ec2", "delete-security-group", "--group-id", id),
                List.of("InvalidGroup.Duplicate", "ec2", "create-security-group", "--group-name", name,
                        "--description", "again"),
                List.of("CannotDelete", "ec2", "delete-security-group", "--group-name", "default"),
                List.of("InvalidSecurityGroupRuleId.NotFound", "ec2", "revoke-security-group-ingress", "--group-id",
                        id, "--security-group-rule-ids", "sgr-0123456789abcdef0")));

        assertEquals("True", aws.text("ec2", "revoke-security-group-ingress", "--group-id", id, "--protocol", "tcp",
                "--port", "8000-8080", "--cidr", "10.0.0.0/8", "--query", "Return"));
        assertEquals(List.of(), describe(id).ipPermissions());
    }

    @Test
    void filtersAsTheCliSendsThem() {
        String suite = unique("suite");
        String web = create(unique("web"));
        String db = create(unique("db"));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(range -> range.cidrIp("0.0.0.0/0")).build()));
        ec2.createTags(r -> r.resources(web, db).tags(tag -> tag.key("suite").value(suite)));
        assertEquals(web, aws.text("ec2", "describe-security-groups", "--filters", "Name=tag:suite,Values=" + suite,
                "Name=ip-permission.to-port,Values=443", "--query", "SecurityGroups[].GroupId"));
    }

    private String create(String name) {
        String id = ec2.createSecurityGroup(r -> r.groupName(name).description("cli " + name)).groupId();
        cleanups.add(() -> deleteIfPresent(id));
        return id;
    }

    private static void deleteIfPresent(String id) {
        try {
            ec2.deleteSecurityGroup(r -> r.groupId(id));
        } catch (Ec2Exception gone) {
            assertEquals("InvalidGroup.NotFound", gone.awsErrorDetails().errorCode(), gone.getMessage());
        }
    }

    private static IpPermission fromGroup(String groupId) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(5432).toPort(5432)
                .userIdGroupPairs(pair -> pair.groupId(groupId)).build();
    }

    private static SecurityGroup describe(String id) {
        return ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().getFirst();
    }

    private static List<String> lines(String text) {
        return sorted(text.lines().toList());
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
