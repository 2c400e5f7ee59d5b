package dev.gureum.it;

import static dev.gureum.it.SandboxInstances.BOOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RuleAction;

/**
 * Public and Elastic IPs, loopback forwards and network ACLs on real instances ({@code --runtime sandbox}):
 * SSH from the host to an instance's public address, probes with socat from the host, from the simulated
 * internet ({@code gureum-internet}) and from the instances' namespaces (standing in for a process inside the
 * instance) to tiny instances listening on tcp 8000 and 8001. Skipped where {@code gureum doctor} fails.
 */
class SandboxPublicNetworkIT {
    private static final String INTERNET = "gureum-internet";
    private static final String INTERNET_ADDRESS = "169.254.191.254";
    private static final String POOL = "198.18.0.0/15";
    private static final String LISTENERS = """
            #!/bin/sh
            printf '#!/bin/sh\\necho ok\\n' > /root/ok; chmod +x /root/ok
            for port in 8000 8001; do nc -ll -p $port -e /root/ok & done
            """;
    private static final Pattern FORWARD = Pattern.compile("forwarding 127\\.0\\.0\\.1:(\\d+) to port 22");

    @TempDir
    Path keys;

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
        Assumptions.assumeTrue(HostProcess.run(List.of("socat", "-V")).exitStatus() == 0, "socat is not installed");
    }

    @Test
    void publicAndElasticAddressesAnswerFromTheHostFollowTheInstanceAndNeedOne() {
        List<String> ids = new ArrayList<>();
        List<String> blocks = new ArrayList<>(List.of(POOL));
        Process internetListener = null;
        Process hostListener = null;
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox", "--forward-ports", "22");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            String group = defaultGroup(ec2);
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipProtocol("tcp").fromPort(22).toPort(22).cidrIp("0.0.0.0/0"));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipProtocol("tcp").fromPort(8000).toPort(8001)
                    .cidrIp("0.0.0.0/0"));
            Path key = KeyTools.privateKeyFile(keys.resolve("dev.pem"),
                    ec2.createKeyPair(r -> r.keyName("dev").keyType(KeyType.ED25519)).keyMaterial());
            long launched = System.nanoTime();
            Instance first = launch(ec2, true, "dev");
            Instance second = launch(ec2, true, "dev");
            Instance hidden = launch(ec2, false, "dev");
            for (Instance instance : List.of(first, second, hidden)) {
                ids.add(instance.instanceId());
                ids.add(instance.vpcId());
                blocks.add(ec2.describeSubnets(r -> r.subnetIds(instance.subnetId())).subnets().get(0).cidrBlock());
                SandboxInstances.awaitState(ec2, instance.instanceId(), "running");
            }
            String firstPublic = publicIp(ec2, first.instanceId());
            assertNotNull(firstPublic);
            assertNull(publicIp(ec2, hidden.instanceId()), "launched without a public address");

            Ssh.Result viaPublic = Ssh.retry(key, "ec2-user", firstPublic, "hostname", BOOT);
            assertTrue(viaPublic.ok(), viaPublic + "\n" + SandboxInstances.console(ec2, first.instanceId()));
            assertEquals(hostname(first), viaPublic.output(), "SSH from the host to the public address reaches the instance");
            System.out.println("[measured] 3 RunInstances -> first successful ssh command to a public address: "
                    + (System.nanoTime() - launched) / 1_000_000 + " ms");
            awaitReachable(null, firstPublic, 8000);

            internetListener = new ProcessBuilder("ip", "netns", "exec", INTERNET, "socat",
                    "TCP-LISTEN:9000,bind=" + INTERNET_ADDRESS + ",reuseaddr,fork", "SYSTEM:echo $SOCAT_PEERADDR")
                    .redirectErrorStream(true).start();
            String fromFirst = awaitAnswer("gureum-" + first.instanceId(), INTERNET_ADDRESS, 9000);
            assertEquals(firstPublic, fromFirst, "the internet sees an instance's public address (SNAT)");
            assertEquals("", answer("gureum-" + hidden.instanceId(), INTERNET_ADDRESS, 9000),
                    "an instance without a public address cannot reach the internet");
            assertFalse(reaches(INTERNET, hidden.privateIpAddress(), 8000), "nor be reached from it");
            assertTrue(reaches(INTERNET, firstPublic, 8000), "the internet reaches a public address");
            RouteTable main = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id")
                    .values(first.vpcId()).build())).routeTables().stream()
                    .filter(table -> table.associations().stream().anyMatch(association -> Boolean.TRUE.equals(association.main())))
                    .findFirst().orElseThrow();
            String gateway = main.routes().stream().filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
                    .findFirst().orElseThrow().gatewayId();
            ec2.deleteRoute(r -> r.routeTableId(main.routeTableId()).destinationCidrBlock("0.0.0.0/0"));
            assertFalse(reaches(null, firstPublic, 8000), "without a route to the internet gateway no public address answers");
            assertEquals("", answer("gureum-" + first.instanceId(), INTERNET_ADDRESS, 9000), "nor reaches the internet");
            ec2.createRoute(r -> r.routeTableId(main.routeTableId()).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway));
            assertTrue(reaches(null, firstPublic, 8000), "the route back, the way back");
            hostListener = new ProcessBuilder("socat", "TCP-LISTEN:9001,bind=169.254.191.253,reuseaddr,fork",
                    "SYSTEM:echo ok").redirectErrorStream(true).start();
            assertEquals("ok", awaitAnswer(null, "169.254.191.253", 9001), "the host's own listener answers the host");
            assertEquals("", answer("gureum-" + first.instanceId(), "169.254.191.253", 9001),
                    "an instance opens no connection to the host through the internet");

            String allocation = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
            String elastic = ec2.describeAddresses(r -> r.allocationIds(allocation)).addresses().get(0).publicIp();
            long associating = System.nanoTime();
            ec2.associateAddress(r -> r.allocationId(allocation).instanceId(first.instanceId()));
            assertEquals(hostname(first), Ssh.run(key, "ec2-user", elastic, "hostname").output(),
                    "an Elastic IP answers as soon as AssociateAddress returns");
            System.out.println("[measured] AssociateAddress -> ssh command through the Elastic IP done: "
                    + (System.nanoTime() - associating) / 1_000_000 + " ms");
            assertFalse(reaches(null, firstPublic, 8000), "the pool address it replaced answers no more");
            ec2.associateAddress(r -> r.allocationId(allocation).instanceId(second.instanceId()).allowReassociation(true));
            assertEquals(hostname(second), Ssh.run(key, "ec2-user", elastic, "hostname").output(),
                    "a moved Elastic IP reaches its new instance at once");

            ec2.stopInstances(r -> r.instanceIds(first.instanceId(), second.instanceId()));
            SandboxInstances.awaitState(ec2, first.instanceId(), "stopped");
            SandboxInstances.awaitState(ec2, second.instanceId(), "stopped");
            ec2.startInstances(r -> r.instanceIds(first.instanceId(), second.instanceId()));
            SandboxInstances.awaitState(ec2, first.instanceId(), "running");
            SandboxInstances.awaitState(ec2, second.instanceId(), "running");
            String restartedPublic = publicIp(ec2, first.instanceId());
            assertNotNull(restartedPublic);
            assertNotEquals(firstPublic, restartedPublic, "stop and start give a new public address");
            assertEquals(hostname(first), Ssh.retry(key, "ec2-user", restartedPublic, "hostname", BOOT).output(),
                    "the new public address answers");
            String mac = ec2.describeInstances(r -> r.instanceIds(first.instanceId())).reservations().get(0).instances()
                    .get(0).networkInterfaces().get(0).macAddress();
            assertEquals(mac, Ssh.run(key, "ec2-user", restartedPublic, "cat /sys/class/net/eth0/address").output(),
                    "the instance's device carries its interface's MAC address, the same after a stop and start");
            assertEquals(elastic, publicIp(ec2, second.instanceId()), "the Elastic IP stays across stop and start");
            assertEquals(hostname(second), Ssh.retry(key, "ec2-user", elastic, "hostname", BOOT).output());

            String consoleText = awaitConsole(ec2, first.instanceId(), FORWARD);
            Matcher forward = FORWARD.matcher(consoleText);
            String port = null;
            while (forward.find()) {
                port = forward.group(1);
            }
            String forwarded = port;
            assertEquals(hostname(first), Ssh.retry(key, "ec2-user", "127.0.0.1", Integer.parseInt(forwarded), "hostname",
                    BOOT).output(), "the loopback forward reaches the instance's port 22");
            ec2.stopInstances(r -> r.instanceIds(first.instanceId()));
            SandboxInstances.awaitState(ec2, first.instanceId(), "stopped");
            assertFalse(reaches(null, "127.0.0.1", Integer.parseInt(forwarded)), "the forward goes with the instance");

            ec2.terminateInstances(r -> r.instanceIds(ids.stream().filter(id -> id.startsWith("i-")).toList()));
            for (String id : ids.stream().filter(id -> id.startsWith("i-")).toList()) {
                SandboxInstances.awaitState(ec2, id, "terminated");
            }
            ec2.releaseAddress(r -> r.allocationId(allocation));
            server.stop();
            List<String> left = new ArrayList<>(HostLeftovers.awaitClean(server.dataDirectory(), ids, blocks));
            left.addAll(HostLeftovers.publicNetwork());
            assertEquals(List.of(), left, "after shutdown: no internet namespace, link, pool route or blackhole");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Process listener : new Process[] {internetListener, hostListener}) {
                if (listener != null) {
                    listener.destroy();
                }
            }
        }
    }

    @Test
    void networkAclsDecideStatelesslyLowestRuleFirst() {
        List<String> ids = new ArrayList<>();
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            String group = defaultGroup(ec2);
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipProtocol("tcp").fromPort(8000).toPort(8001)
                    .cidrIp("0.0.0.0/0"));
            Instance instance = launch(ec2, true, null);
            ids.add(instance.instanceId());
            ids.add(instance.vpcId());
            SandboxInstances.awaitState(ec2, instance.instanceId(), "running");
            String address = publicIp(ec2, instance.instanceId());
            awaitReachable(null, address, 8000);
            String acl = ec2.describeNetworkAcls(r -> r.filters(Filter.builder().name("association.subnet-id")
                    .values(instance.subnetId()).build())).networkAcls().get(0).networkAclId();

            ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(90).egress(false).protocol("6")
                    .portRange(PortRange.builder().from(8000).to(8000).build()).cidrBlock("0.0.0.0/0")
                    .ruleAction(RuleAction.DENY));
            assertEquals("8000 dropped, 8001 ok, private 8000 dropped", probes(address, instance.privateIpAddress()),
                    "deny 90 beats the default allow 100, at once, for the public and the private address");
            ec2.replaceNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(90).egress(false).protocol("6")
                    .portRange(PortRange.builder().from(8000).to(8000).build()).cidrBlock("10.0.0.0/8")
                    .ruleAction(RuleAction.DENY));
            assertEquals("8000 ok, 8001 ok, private 8000 ok", probes(address, instance.privateIpAddress()),
                    "a deny that does not match the source lets the allow decide");
            ec2.deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(90).egress(false));

            ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(50).egress(true).protocol("6")
                    .portRange(PortRange.builder().from(1024).to(65535).build()).cidrBlock("0.0.0.0/0")
                    .ruleAction(RuleAction.DENY));
            assertEquals("8000 dropped, 8001 dropped, private 8000 dropped", probes(address, instance.privateIpAddress()),
                    "the answers go to ephemeral ports, which the outbound deny blocks: ACLs keep no state");
            ec2.deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(50).egress(true));
            assertEquals("8000 ok, 8001 ok, private 8000 ok", probes(address, instance.privateIpAddress()));

            String custom = ec2.createNetworkAcl(r -> r.vpcId(instance.vpcId())).networkAcl().networkAclId();
            String association = ec2.describeNetworkAcls(r -> r.networkAclIds(acl)).networkAcls().get(0).associations()
                    .stream().filter(a -> a.subnetId().equals(instance.subnetId())).findFirst().orElseThrow()
                    .networkAclAssociationId();
            String moved = ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(custom))
                    .newAssociationId();
            assertEquals("8000 dropped, 8001 dropped, private 8000 dropped", probes(address, instance.privateIpAddress()),
                    "a new ACL denies everything until it has entries");
            ec2.replaceNetworkAclAssociation(r -> r.associationId(moved).networkAclId(acl));
            ec2.deleteNetworkAcl(r -> r.networkAclId(custom));
            assertEquals("8000 ok, 8001 ok, private 8000 ok", probes(address, instance.privateIpAddress()));

            ec2.terminateInstances(r -> r.instanceIds(instance.instanceId()));
            SandboxInstances.awaitState(ec2, instance.instanceId(), "terminated");
            server.stop();
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), ids, List.of(POOL)));
        }
    }

    private static String probes(String publicAddress, String privateAddress) {
        return "8000 " + (reaches(null, publicAddress, 8000) ? "ok" : "dropped")
                + ", 8001 " + (reaches(null, publicAddress, 8001) ? "ok" : "dropped")
                + ", private 8000 " + (reaches(null, privateAddress, 8000) ? "ok" : "dropped");
    }

    private static Instance launch(Ec2Client ec2, boolean publicAddress, String keyName) {
        String subnet = ec2.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("true").build()))
                .subnets().stream().map(s -> s.subnetId()).sorted().findFirst().orElseThrow();
        return ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano").minCount(1).maxCount(1)
                .keyName(keyName)
                .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet)
                        .associatePublicIpAddress(publicAddress).build())
                .userData(Base64.getEncoder().encodeToString(LISTENERS.getBytes(StandardCharsets.UTF_8))))
                .instances().get(0);
    }

    private static String hostname(Instance instance) {
        return "ip-" + instance.privateIpAddress().replace('.', '-');
    }

    private static String defaultGroup(Ec2Client ec2) {
        return ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name").values("default").build()))
                .securityGroups().get(0).groupId();
    }

    private static String publicIp(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).publicIpAddress();
    }

    private static String awaitConsole(Ec2Client ec2, String id, Pattern pattern) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        String text = SandboxInstances.console(ec2, id);
        while (!pattern.matcher(text).find() && System.nanoTime() < deadline) {
            HostProcess.sleep(100);
            text = SandboxInstances.console(ec2, id);
        }
        return text;
    }

    /** What a connection from the namespace (the host when null) read before the peer closed; empty if none. */
    private static String answer(String namespace, String address, int port) {
        List<String> command = new ArrayList<>();
        if (namespace != null) {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(List.of("socat", "-T", "2", "-u", "TCP:" + address + ":" + port + ",connect-timeout=1", "-"));
        HostProcess.Result result = HostProcess.run(command);
        return result.exitStatus() == 0 ? result.output().strip() : "";
    }

    private static boolean reaches(String namespace, String address, int port) {
        String answered = answer(namespace, address, port);
        return port == 22 ? answered.startsWith("SSH-") : answered.equals("ok");
    }

    private static String awaitAnswer(String namespace, String address, int port) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        String answered = answer(namespace, address, port);
        while (answered.isEmpty() && System.nanoTime() < deadline) {
            HostProcess.sleep(50);
            answered = answer(namespace, address, port);
        }
        return answered;
    }

    private static void awaitReachable(String namespace, String address, int port) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (!reaches(namespace, address, port)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(address + ":" + port + " never answered from " + (namespace == null ? "the host" : namespace));
            }
            HostProcess.sleep(50);
        }
    }
}
