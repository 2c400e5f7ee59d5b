package dev.gureum.it;

import static dev.gureum.it.SandboxInstances.BOOT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Security groups enforced on real instances ({@code --runtime sandbox}): four tiny instances listening on
 * tcp 8000-8002, probed with socat from each instance's network namespace ({@code gureum-<instance-id>},
 * standing in for a process inside the instance) and from the host. Each probe expects the listener's
 * "ok" or nothing within a second. Skipped where {@code gureum doctor} fails.
 */
class SandboxSecurityGroupsIT {
    private static final String LISTENERS = """
            #!/bin/sh
            printf '#!/bin/sh\\necho ok\\n' > /root/ok; chmod +x /root/ok
            for port in 8000 8001 8002; do nc -ll -p $port -e /root/ok & done
            """;
    private static final String SERVER = "10.77.1.10";
    private static final String CLIENT = "10.77.1.11";
    private static final String OTHER = "10.77.2.12";
    private static final String ELSEWHERE = "10.78.1.10";
    private static final String HOST = null;

    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
        Assumptions.assumeTrue(HostProcess.run(List.of("socat", "-V")).exitStatus() == 0, "socat is not installed");
    }

    @Test
    void onlyWhatTheGroupsAllowPassesAndChangesTakeEffectAtOnce() {
        List<String> ids = new ArrayList<>();
        List<String> blocks = List.of("10.77.1.0/24", "10.77.2.0/24", "10.78.1.0/24");
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.77.0.0/16")).vpc().vpcId();
            String near = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.77.1.0/24")).subnet().subnetId();
            String far = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.77.2.0/24")).subnet().subnetId();
            String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.78.0.0/16")).vpc().vpcId();
            String elsewhere = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.78.1.0/24")).subnet().subnetId();
            ids.addAll(List.of(vpc, otherVpc));
            String web = group(ec2, vpc, "web");
            String clients = group(ec2, vpc, "clients");
            String others = group(ec2, vpc, "others");
            String open = group(ec2, otherVpc, "open");
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                    tcp(8000, IpRange.builder().cidrIp(CLIENT + "/32").build()),
                    IpPermission.builder().ipProtocol("tcp").fromPort(8001).toPort(8001)
                            .userIdGroupPairs(UserIdGroupPair.builder().groupId(clients).build()).build()));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(open).ipPermissions(IpPermission.builder()
                    .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));

            long launched = System.nanoTime();
            Map<String, Instance> instances = new LinkedHashMap<>();
            instances.put(SERVER, launch(ec2, near, SERVER, web));
            instances.put(CLIENT, launch(ec2, near, CLIENT, clients));
            instances.put(OTHER, launch(ec2, far, OTHER, others));
            instances.put(ELSEWHERE, launch(ec2, elsewhere, ELSEWHERE, open));
            instances.values().forEach(instance -> ids.add(instance.instanceId()));
            Map<String, String> namespaces = new LinkedHashMap<>();
            instances.forEach((address, instance) -> namespaces.put(address, "gureum-" + instance.instanceId()));
            awaitReachable(namespaces.get(CLIENT), SERVER, 8000);
            awaitReachable(HOST, ELSEWHERE, 8000);
            System.out.println("[measured] 4 RunInstances -> listeners reachable through their groups: "
                    + (System.nanoTime() - launched) / 1_000_000 + " ms");

            String client = namespaces.get(CLIENT);
            String other = namespaces.get(OTHER);
            String outside = namespaces.get(ELSEWHERE);
            assertEquals("""
                    client->8000 ok, client->8001 ok, client->8002 dropped, \
                    other->8000 dropped, other->8001 dropped, other->8002 dropped, \
                    host->8000 dropped, host->8001 dropped, host->8002 dropped, \
                    other-vpc->8000 dropped, host->other-vpc ok""",
                    matrix(List.of(
                            probe("client->8000", client, SERVER, 8000), probe("client->8001", client, SERVER, 8001),
                            probe("client->8002", client, SERVER, 8002), probe("other->8000", other, SERVER, 8000),
                            probe("other->8001", other, SERVER, 8001), probe("other->8002", other, SERVER, 8002),
                            probe("host->8000", HOST, SERVER, 8000), probe("host->8001", HOST, SERVER, 8001),
                            probe("host->8002", HOST, SERVER, 8002), probe("other-vpc->8000", outside, SERVER, 8000),
                            probe("host->other-vpc", HOST, ELSEWHERE, 8001))),
                    "inbound rules by port and block, by referenced group, default deny, VPC isolation");

            IpPermission anywhere8002 = tcp(8002, IpRange.builder().cidrIp("0.0.0.0/0").build());
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(anywhere8002));
            assertEquals("host->8002 ok, other->8002 ok", matrix(List.of(probe("host->8002", HOST, SERVER, 8002),
                    probe("other->8002", other, SERVER, 8002))), "a rule authorized is in force when the call returns");
            ec2.revokeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(anywhere8002));
            assertEquals("host->8002 dropped", matrix(List.of(probe("host->8002", HOST, SERVER, 8002))),
                    "a rule revoked is gone when the call returns");

            String otherInterface = instances.get(OTHER).networkInterfaces().get(0).networkInterfaceId();
            ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(otherInterface).groups(others, clients));
            assertEquals("other->8001 ok, other->8000 dropped", matrix(List.of(probe("other->8001", other, SERVER, 8001),
                    probe("other->8000", other, SERVER, 8000))), "a group rule follows the group's membership");
            ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(otherInterface).groups(others));
            assertEquals("other->8001 dropped", matrix(List.of(probe("other->8001", other, SERVER, 8001))));

            IpPermission everything = IpPermission.builder().ipProtocol("-1")
                    .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
            ec2.revokeSecurityGroupEgress(r -> r.groupId(clients).ipPermissions(everything));
            ec2.revokeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(everything));
            assertEquals("client->8000 dropped", matrix(List.of(probe("client->8000", client, SERVER, 8000))),
                    "outbound rules hold the sender");
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(clients).ipPermissions(
                    tcp(8000, IpRange.builder().cidrIp(SERVER + "/32").build())));
            assertEquals("client->8000 ok, client->8001 dropped", matrix(List.of(probe("client->8000", client, SERVER, 8000),
                    probe("client->8001", client, SERVER, 8001))),
                    "outbound by port and block; the answer passes although the server's group sends nothing (stateful)");

            String spoofed = "10.77.2.99";
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                    tcp(8002, IpRange.builder().cidrIp(spoofed + "/32").build())));
            assertEquals(0, HostProcess.run(List.of("ip", "netns", "exec", other, "ip", "addr", "add", spoofed + "/24", "dev", "eth0"))
                    .exitStatus());
            assertEquals("spoofed->8002 dropped, other->8002 dropped", matrix(List.of(
                    probe("spoofed->8002", other, SERVER, 8002, spoofed), probe("other->8002", other, SERVER, 8002))),
                    "an instance cannot send from an address that is not its own");

            ec2.terminateInstances(r -> r.instanceIds(instances.values().stream().map(Instance::instanceId).toList()));
            instances.values().forEach(instance -> awaitTerminated(ec2, instance.instanceId()));
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), ids, List.of()),
                    "terminated instances leave no namespace (nor the firewall tables in them) behind");
            server.stop();
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), ids, blocks), "after shutdown");
        } finally {
            probes.shutdownNow();
        }
    }

    private static String group(Ec2Client ec2, String vpc, String name) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(name)).groupId();
    }

    private static IpPermission tcp(int port, IpRange range) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(range).build();
    }

    private static Instance launch(Ec2Client ec2, String subnet, String address, String group) {
        return ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano").minCount(1).maxCount(1)
                .subnetId(subnet).privateIpAddress(address).securityGroupIds(group)
                .userData(Base64.getEncoder().encodeToString(LISTENERS.getBytes(StandardCharsets.UTF_8))))
                .instances().get(0);
    }

    private record Probe(String name, CompletableFuture<Boolean> answered) {
    }

    private Probe probe(String name, String namespace, String address, int port) {
        return probe(name, namespace, address, port, null);
    }

    /** Connects from the namespace (the host when null) and tells whether the listener's "ok" came back. */
    private Probe probe(String name, String namespace, String address, int port, String source) {
        return new Probe(name, CompletableFuture.supplyAsync(() -> reaches(namespace, address, port, source), probes));
    }

    private static String matrix(List<Probe> probes) {
        List<String> results = new ArrayList<>();
        for (Probe probe : probes) {
            results.add(probe.name() + " " + (probe.answered().join() ? "ok" : "dropped"));
        }
        return String.join(", ", results);
    }

    private static boolean reaches(String namespace, String address, int port, String source) {
        List<String> command = new ArrayList<>();
        if (namespace != null) {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(List.of("socat", "-T", "2", "-u", "TCP:" + address + ":" + port + ",connect-timeout=1"
                + (source == null ? "" : ",bind=" + source), "-"));
        HostProcess.Result result = HostProcess.run(command);
        return result.exitStatus() == 0 && result.output().strip().equals("ok");
    }

    private static void awaitReachable(String namespace, String address, int port) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (!reaches(namespace, address, port, null)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(address + ":" + port + " never answered from " + namespace);
            }
            HostProcess.sleep(50);
        }
    }

    private static void awaitTerminated(Ec2Client ec2, String id) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (!ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state()
                .nameAsString().equals("terminated")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " did not terminate");
            }
            HostProcess.sleep(50);
        }
    }
}
