package dev.gureum.it;

import static dev.gureum.it.SandboxInstances.BOOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataTagsState;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The instance metadata service of real instances ({@code --runtime sandbox}), asked with the host's curl from
 * each instance's network namespace ({@code gureum-<instance-id>}, standing in for a process inside it): IMDSv1,
 * the IMDSv2 token flow, v1 refused once tokens are required, the hop limit (a namespace routed behind an
 * instance, like a container on it, gets no token with hop limit 1 and one with 2), each instance seeing only its
 * own data, nothing else of the host reachable, and nothing left behind. Skipped where {@code gureum doctor} fails.
 */
class SandboxMetadataIT {
    private static final String IMDS = "http://169.254.169.254";
    private static final Pattern LISTENER = Pattern.compile("dnat ip to (169\\.254\\.[0-9.]+):([0-9]+)");

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
        Assumptions.assumeTrue(HostProcess.run(List.of("curl", "--version")).exitStatus() == 0, "curl is not installed");
    }

    @Test
    void eachInstanceReadsItsOwnMetadataWithTheTokenRulesItsOptionsSay() {
        List<String> rulesBefore = metadataRules();
        String hop = "imdshop" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        List<String> blocks = List.of("10.79.1.0/24");
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.79.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.79.1.0/24")).subnet().subnetId();
            ids.add(vpc);
            String publicKey = ec2.createKeyPair(r -> r.keyName("imds").keyType(KeyType.ED25519)).keyName();
            String alphaData = "#!/bin/sh\necho alpha-" + UUID.randomUUID() + "\n";
            Instance alpha = ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano").minCount(1)
                    .maxCount(1).subnetId(subnet).privateIpAddress("10.79.1.10").keyName(publicKey)
                    .userData(Base64.getEncoder().encodeToString(alphaData.getBytes(StandardCharsets.UTF_8)))
                    .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                            .tags(Tag.builder().key("Name").value("alpha").build()).build())).instances().get(0);
            Instance beta = ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano").minCount(1)
                    .maxCount(1).subnetId(subnet).privateIpAddress("10.79.1.11")).instances().get(0);
            ids.addAll(List.of(alpha.instanceId(), beta.instanceId()));
            String a = "gureum-" + alpha.instanceId();
            String b = "gureum-" + beta.instanceId();
            SandboxInstances.awaitState(ec2, alpha.instanceId(), "running");
            SandboxInstances.awaitState(ec2, beta.instanceId(), "running");
            long asked = System.nanoTime();
            awaitAnswer(a, "/latest/meta-data/instance-id");
            System.out.println("[measured] instance running -> first metadata answer: "
                    + (System.nanoTime() - asked) / 1_000_000 + " ms");

            assertEquals(new Answer(200, alpha.instanceId()), get(a, "/latest/meta-data/instance-id"));
            assertEquals(new Answer(200, beta.instanceId()), get(b, "/latest/meta-data/instance-id"));
            assertEquals(new Answer(200, "10.79.1.10"), get(a, "/latest/meta-data/local-ipv4"));
            assertEquals(new Answer(200, "t3.nano"), get(a, "/latest/meta-data/instance-type"));
            assertEquals(new Answer(200, alphaData), get(a, "/latest/user-data"));
            assertEquals(404, get(b, "/latest/user-data").status(), "no user data answers 404");
            String mac = get(a, "/latest/meta-data/mac").body();
            assertEquals(new Answer(200, subnet), get(a, "/latest/meta-data/network/interfaces/macs/" + mac + "/subnet-id"));
            assertEquals(new Answer(200, "10.79.1.0/24"),
                    get(a, "/latest/meta-data/network/interfaces/macs/" + mac + "/subnet-ipv4-cidr-block"));
            assertEquals(new Answer(200, "0=imds"), get(a, "/latest/meta-data/public-keys/"));
            assertTrue(get(a, "/latest/meta-data/public-keys/0/openssh-key").body().startsWith("ssh-ed25519 "));
            String document = get(a, "/latest/dynamic/instance-identity/document").body();
            assertTrue(document.contains("\"instanceId\" : \"" + alpha.instanceId() + "\""), document);
            assertTrue(document.contains("\"privateIp\" : \"10.79.1.10\""), document);
            assertTrue(document.contains("\"instanceType\" : \"t3.nano\""), document);
            assertEquals(404, get(a, "/latest/dynamic/instance-identity/signature").status());
            assertEquals(404, get(a, "/latest/meta-data/spot/instance-action").status(), "no spot action is pending");

            Answer token = curl(a, "-X", "PUT", "-H", "X-aws-ec2-metadata-token-ttl-seconds: 60", IMDS + "/latest/api/token");
            assertEquals(200, token.status());
            assertEquals(new Answer(200, alpha.instanceId()), curl(a, "-H", "X-aws-ec2-metadata-token: " + token.body(),
                    IMDS + "/latest/meta-data/instance-id"));
            assertEquals(401, curl(b, "-H", "X-aws-ec2-metadata-token: " + token.body(),
                    IMDS + "/latest/meta-data/instance-id").status(), "a token works for its own instance only");
            assertEquals(400, curl(a, "-X", "PUT", "-H", "X-aws-ec2-metadata-token-ttl-seconds: 21601",
                    IMDS + "/latest/api/token").status());
            assertEquals(403, curl(a, "-X", "PUT", "-H", "X-aws-ec2-metadata-token-ttl-seconds: 60", "-H",
                    "X-Forwarded-For: 10.0.0.1", IMDS + "/latest/api/token").status());

            // A namespace routed behind alpha (as a container on it would be) is one hop further away.
            setUpHop(hop, a);
            assertEquals(new Answer(200, alpha.instanceId()), get(hop, "/latest/meta-data/instance-id"),
                    "IMDSv1 crosses the extra hop");
            assertEquals(0, curl(hop, "-X", "PUT", "-H", "X-aws-ec2-metadata-token-ttl-seconds: 60",
                    IMDS + "/latest/api/token").status(), "hop limit 1: the token answer dies on the extra hop");
            ec2.modifyInstanceMetadataOptions(r -> r.instanceId(alpha.instanceId()).httpPutResponseHopLimit(2));
            assertEquals(200, curl(hop, "-X", "PUT", "-H", "X-aws-ec2-metadata-token-ttl-seconds: 60",
                    IMDS + "/latest/api/token").status(), "hop limit 2 reaches one hop further");

            assertEquals("pending", ec2.modifyInstanceMetadataOptions(r -> r.instanceId(alpha.instanceId())
                    .httpTokens(HttpTokensState.REQUIRED)).instanceMetadataOptions().stateAsString());
            assertEquals(401, get(a, "/latest/meta-data/instance-id").status(), "IMDSv1 is refused once tokens are required");
            assertEquals(new Answer(200, alpha.instanceId()), curl(a, "-H", "X-aws-ec2-metadata-token: " + token.body(),
                    IMDS + "/latest/meta-data/instance-id"));
            assertEquals(200, get(b, "/latest/meta-data/instance-id").status(), "the other instance keeps its options");

            ec2.modifyInstanceMetadataOptions(r -> r.instanceId(alpha.instanceId())
                    .instanceMetadataTags(InstanceMetadataTagsState.ENABLED));
            String v2 = "X-aws-ec2-metadata-token: " + token.body();
            assertEquals(new Answer(200, "alpha"), curl(a, "-H", v2, IMDS + "/latest/meta-data/tags/instance/Name"));
            ec2.createTags(r -> r.resources(alpha.instanceId()).tags(Tag.builder().key("Name").value("renamed").build()));
            assertEquals(new Answer(200, "renamed"), curl(a, "-H", v2, IMDS + "/latest/meta-data/tags/instance/Name"),
                    "a changed tag shows at once");
            ec2.modifyInstanceMetadataOptions(r -> r.instanceId(beta.instanceId())
                    .httpEndpoint(InstanceMetadataEndpointState.DISABLED));
            assertEquals(403, get(b, "/latest/meta-data/instance-id").status(), "a disabled endpoint answers 403");

            String association = ec2.describeNetworkAcls(r -> r.filters(Filter.builder().name("association.subnet-id")
                    .values(subnet).build())).networkAcls().get(0).associations().stream()
                    .filter(found -> found.subnetId().equals(subnet)).findFirst().orElseThrow().networkAclAssociationId();
            String denyAll = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
            ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(denyAll));
            assertEquals(new Answer(200, alpha.instanceId()), curl(a, "-H", v2, IMDS + "/latest/meta-data/instance-id"),
                    "network ACLs do not filter metadata, as on EC2");

            server.kill();
            server.restart();
            awaitAnswer(a, "/latest/meta-data/instance-id", v2.replace(token.body(), "-"));
            assertEquals(401, curl(a, "-H", v2, IMDS + "/latest/meta-data/instance-id").status(),
                    "a restarted server's tokens are new ones");
            Answer renewed = curl(a, "-X", "PUT", "-H", "X-aws-ec2-metadata-token-ttl-seconds: 60",
                    IMDS + "/latest/api/token");
            assertEquals(new Answer(200, alpha.instanceId()), curl(a, "-H", "X-aws-ec2-metadata-token: "
                    + renewed.body(), IMDS + "/latest/meta-data/instance-id"), "adopted instances are served again");
            assertEquals(rulesBefore.size() + 1, metadataRules().size(), "one routing rule for the VPC, not two");

            Matcher listener = LISTENER.matcher(HostProcess.run(List.of("ip", "netns", "exec", "gureum-" + vpc, "nft", "list",
                    "table", "inet", "gureum_imds")).output());
            assertTrue(listener.find(), "the VPC namespace DNATs metadata connections to its listener");
            assertEquals(0, curl(a, "http://" + listener.group(1) + ":" + listener.group(2) + "/latest/meta-data/")
                    .status(), "the listener itself is not reachable from an instance but through 169.254.169.254");
            assertEquals(0, curl(a, "http://" + listener.group(1) + ":22/").status(), "nor is anything else of the host");

            try (Ec2Client after = Clients.ec2(server.endpoint())) { // ec2's connection died with the server
                after.terminateInstances(r -> r.instanceIds(alpha.instanceId(), beta.instanceId()));
                SandboxInstances.awaitState(after, alpha.instanceId(), "terminated");
                SandboxInstances.awaitState(after, beta.instanceId(), "terminated");
            }
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), ids, List.of()),
                    "terminated instances leave no namespace behind");
            assertEquals(rulesBefore, metadataRules(), "the VPC's metadata routing rule goes with its namespace");
            server.stop();
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), ids, blocks), "after shutdown");
            assertEquals(rulesBefore, metadataRules(), "after shutdown");
        } finally {
            HostProcess.run(List.of("ip", "netns", "delete", hop));
        }
    }

    private record Answer(int status, String body) {
    }

    private static Answer get(String namespace, String path) {
        return curl(namespace, IMDS + path);
    }

    /** curl from the namespace; status 0 when nothing answered within two seconds. */
    private static Answer curl(String namespace, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "curl", "-s", "-m", "2",
                "-w", "\n%{http_code}"));
        command.addAll(List.of(arguments));
        String output = HostProcess.run(command).output();
        int split = output.lastIndexOf('\n');
        String code = output.substring(split + 1).strip();
        return new Answer(code.matches("\\d+") ? Integer.parseInt(code) : -1, split < 0 ? "" : output.substring(0, split));
    }

    private static void awaitAnswer(String namespace, String path) {
        awaitAnswer(namespace, path, null);
    }

    /** Waits until the path answers at all (any status) when {@code header} is given, else until it answers 200. */
    private static void awaitAnswer(String namespace, String path, String header) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (header == null ? get(namespace, path).status() != 200
                : curl(namespace, "-H", header, IMDS + path).status() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no metadata answer in " + namespace + ": " + get(namespace, path));
            }
            HostProcess.sleep(50);
        }
    }

    /** A namespace behind the instance's: a veth into it, the instance's namespace forwarding and masquerading. */
    private static void setUpHop(String hop, String instance) {
        for (List<String> command : List.of(
                List.of("ip", "netns", "add", hop),
                List.of("ip", "link", "add", "hop0", "netns", hop, "type", "veth", "peer", "name", "hop1", "netns", instance),
                List.of("ip", "-n", hop, "addr", "add", "192.168.77.2/24", "dev", "hop0"),
                List.of("ip", "-n", hop, "link", "set", "hop0", "up"),
                List.of("ip", "-n", hop, "link", "set", "lo", "up"),
                List.of("ip", "-n", hop, "route", "add", "default", "via", "192.168.77.1"),
                List.of("ip", "-n", instance, "addr", "add", "192.168.77.1/24", "dev", "hop1"),
                List.of("ip", "-n", instance, "link", "set", "hop1", "up"),
                List.of("ip", "netns", "exec", instance, "sysctl", "-qw", "net.ipv4.ip_forward=1"),
                List.of("ip", "netns", "exec", instance, "nft", "add table ip hop; add chain ip hop post { type nat hook"
                        + " postrouting priority srcnat; }; add rule ip hop post oifname \"eth0\" masquerade"))) {
            HostProcess.Result result = HostProcess.run(command);
            assertEquals(0, result.exitStatus(), command + ": " + result.output());
        }
    }

    /** The host's policy rules of metadata answers (preference 4242). */
    private static List<String> metadataRules() {
        return HostProcess.run(List.of("ip", "-4", "rule", "show", "pref", "4242")).output().lines().sorted().toList();
    }
}
