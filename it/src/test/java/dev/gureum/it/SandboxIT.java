package dev.gureum.it;

import static dev.gureum.it.SandboxInstances.BOOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.KeyType;

/**
 * Real instances: a server started with {@code --runtime sandbox} on this host, driven by the AWS SDK,
 * reached with the OpenSSH client at the instance's private address. Runs as root on a host that passes
 * {@code gureum doctor}; skipped elsewhere with the doctor's reasons.
 */
class SandboxIT {
    @TempDir
    Path keys;

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
    }

    @Test
    void aLaunchedInstanceAnswersSshWithItsKeyRunsItsUserDataAndKeepsItsDiskAcrossStopAndStart() {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            SandboxInstances.openSsh(ec2);
            Path key = KeyTools.privateKeyFile(keys.resolve("dev.pem"),
                    ec2.createKeyPair(r -> r.keyName("dev").keyType(KeyType.ED25519)).keyMaterial());
            String marker = "user-data-says-" + UUID.randomUUID();
            String userData = "#!/bin/sh\necho " + marker + "\necho written-by-user-data > /root/from-user-data\n";

            long launched = System.nanoTime();
            Instance instance = ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.micro")
                    .minCount(1).maxCount(1).keyName("dev")
                    .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8))))
                    .instances().get(0);
            String id = instance.instanceId();
            String address = instance.privateIpAddress();
            SandboxInstances.awaitState(ec2, id, "running");
            Ssh.Result uname = Ssh.retry(key, "ec2-user", address, "uname -a", BOOT);
            long toSsh = (System.nanoTime() - launched) / 1_000_000;
            assertTrue(uname.ok(), uname + "\n" + SandboxInstances.console(ec2, id));
            assertTrue(uname.output().startsWith("Linux ip-" + address.replace('.', '-') + " "), uname.output());
            System.out.println("[measured] RunInstances -> first successful ssh command: " + toSsh + " ms");
            assertEquals("running", SandboxInstances.state(ec2, id));

            assertEquals("0", Ssh.run(key, "root", address, "id -u").output(), "the key is installed for root too");
            assertEquals(1_048_576, memInfo(key, address, "MemTotal"), "a t3.micro sees its own 1 GiB, not the host's");
            long freeBefore = memInfo(key, address, "MemFree");
            assertTrue(Ssh.run(key, "root", address, "dd if=/dev/zero of=/dev/shm/fill bs=1M count=48").ok());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (memInfo(key, address, "MemFree") > freeBefore - 40 * 1024 && System.nanoTime() < deadline) {
                HostProcess.sleep(200);
            }
            assertTrue(memInfo(key, address, "MemFree") <= freeBefore - 40 * 1024,
                    "what the instance uses is not free: " + Ssh.run(key, "root", address, "cat /proc/meminfo"));
            Ssh.run(key, "root", address, "rm /dev/shm/fill");
            Path wrong = keys.resolve("wrong");
            KeyTools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrong.toString());
            Ssh.Result refused = Ssh.run(wrong, "ec2-user", address, "true");
            assertEquals(255, refused.exitStatus(), refused.output());
            assertTrue(refused.output().contains("Permission denied"), refused.output());

            assertTrue(awaitConsole(ec2, id, marker), SandboxInstances.console(ec2, id));
            assertEquals("written-by-user-data", Ssh.run(key, "root", address, "cat /root/from-user-data").output());
            assertTrue(Ssh.run(key, "ec2-user", address, "echo kept > ~/note").ok());
            assertTrue(Ssh.run(key, "ec2-user", address, "nohup sleep 300 >/dev/null 2>&1 &").ok());
            assertTrue(Ssh.run(key, "ec2-user", address, "ps").output().contains("sleep 300"),
                    "a job started with nohup outlives the session that started it");

            ec2.stopInstances(r -> r.instanceIds(id));
            SandboxInstances.awaitState(ec2, id, "stopped");
            assertFalse(Ssh.run(key, "ec2-user", address, "true").ok(), "a stopped instance answers nothing");
            long started = System.nanoTime();
            ec2.startInstances(r -> r.instanceIds(id));
            SandboxInstances.awaitState(ec2, id, "running");
            Ssh.Result note = Ssh.retry(key, "ec2-user", address, "cat ~/note", BOOT);
            System.out.println("[measured] StartInstances -> first successful ssh command: "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertEquals("kept", note.output(), "the root disk survives stop and start");
            assertEquals("running", SandboxInstances.state(ec2, id));
            assertEquals(1, countOccurrences(SandboxInstances.console(ec2, id), marker), "user data runs once per instance");

            Ssh.run(key, "root", address, "reboot");
            // the runtime sees the container end within its 2-second watch, so ssh may still answer just after
            SandboxInstances.awaitConsole(ec2, id, "rebooting, as the instance asked");
            Ssh.Result afterReboot = Ssh.retry(key, "ec2-user", address, "cat ~/note", BOOT);
            assertEquals("kept", afterReboot.output(), "a reboot from inside boots the instance again: "
                    + SandboxInstances.console(ec2, id));
            assertEquals("running", SandboxInstances.state(ec2, id), "and it stays running, as on EC2");
            Ssh.run(key, "root", address, "poweroff");
            SandboxInstances.awaitState(ec2, id, "stopped");
            assertEquals("Client.InstanceInitiatedShutdown", ec2.describeInstances(r -> r.instanceIds(id))
                    .reservations().get(0).instances().get(0).stateReason().code(), "a poweroff from inside stops it");

            String vpc = instance.vpcId();
            ec2.terminateInstances(r -> r.instanceIds(id));
            SandboxInstances.awaitState(ec2, id, "terminated");
            // the subnet's blackhole route stays while the runtime runs (checked at shutdown in the other test)
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), List.of(id, vpc), List.of()),
                    "a terminated instance (the last of its VPC) leaves nothing on the host");
        }
    }

    @Test
    void anAddressGivenBackIsNotLeftInTheRoutersArpCacheWithTheDepartedInstancesMac() throws Exception {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            SandboxInstances.openSsh(ec2);
            List<Instance> pair = ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano")
                    .minCount(2).maxCount(2)).instances();
            pair.forEach(instance -> SandboxInstances.awaitState(ec2, instance.instanceId(), "running"));
            Instance departing = pair.get(0);
            String address = departing.privateIpAddress();
            String mac = departing.networkInterfaces().get(0).macAddress();
            String vpcNamespace = "gureum-" + departing.vpcId();
            try (java.net.Socket knock = new java.net.Socket()) {
                knock.connect(new java.net.InetSocketAddress(address, 22), 5_000);
            } catch (java.net.ConnectException refused) {
                // sshd is not up yet: the instance answered all the same, so the router has resolved it
            }
            assertTrue(KeyTools.run("ip", "-n", vpcNamespace, "neigh", "show", address).contains(mac),
                    "the router has learnt the first instance's MAC address");
            ec2.terminateInstances(r -> r.instanceIds(departing.instanceId()));
            SandboxInstances.awaitState(ec2, departing.instanceId(), "terminated");
            Instance next = ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano")
                    .minCount(1).maxCount(1).subnetId(departing.subnetId())).instances().get(0);
            SandboxInstances.awaitState(ec2, next.instanceId(), "running");
            assertEquals(address, next.privateIpAddress(), "the address given back is handed out again");
            assertFalse(KeyTools.run("ip", "-n", vpcNamespace, "neigh", "show", address).contains(mac),
                    "the departed instance's MAC address is forgotten, so the new one is reached at once");
            ec2.terminateInstances(r -> r.instanceIds(next.instanceId(), pair.get(1).instanceId()));
        }
    }

    @Test
    void resetAndShutdownLeaveNoNamespaceMountCgroupRouteOrProcessBehind() {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox")) {
            List<String> ids = new ArrayList<>();
            List<String> blocks = new ArrayList<>();
            try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
                List<Instance> first = ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano")
                        .minCount(2).maxCount(2)).instances();
                first.forEach(instance -> SandboxInstances.awaitState(ec2, instance.instanceId(), "running"));
                record(ec2, first, ids, blocks);
                assertSecondSandboxServerRefused();
                post(server, "/_gureum/reset");
                assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), ids, blocks), "after reset");
                assertEquals(List.of(), HostLeftovers.publicNetwork(), "after reset");

                List<Instance> second = ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano")
                        .minCount(1).maxCount(1)).instances();
                SandboxInstances.awaitState(ec2, second.get(0).instanceId(), "running");
                record(ec2, second, ids, blocks);
            }
            server.stop();
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), ids, blocks), "after shutdown");
            assertEquals(List.of(), HostLeftovers.publicNetwork(), "after shutdown");
            assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/run/gureum")),
                    "the crun state and the host lock are gone after shutdown");
        }
    }

    /** A second sandbox server on the host is refused at start, naming the first, and exits. */
    private static void assertSecondSandboxServerRefused() {
        try {
            java.nio.file.Path dataDirectory = java.nio.file.Files.createTempDirectory("gureum-second-sandbox");
            Process second = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", GureumProcess.serverJar().toString(), "serve", "--port", "0", "--data-dir",
                    dataDirectory.toString(), "--runtime", "sandbox").redirectErrorStream(true).start();
            if (!second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                second.destroyForcibly().waitFor();
                throw new AssertionError("a second sandbox server started beside the first");
            }
            String output = new String(second.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            try (java.util.stream.Stream<java.nio.file.Path> made = java.nio.file.Files.walk(dataDirectory)) {
                made.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            assertTrue(second.exitValue() != 0 && output.contains("another Gureum server runs the sandbox runtime"),
                    output);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void record(Ec2Client ec2, List<Instance> instances, List<String> ids, List<String> blocks) {
        for (Instance instance : instances) {
            ids.add(instance.instanceId());
            ids.add(instance.vpcId());
            blocks.add(ec2.describeSubnets(r -> r.subnetIds(instance.subnetId())).subnets().get(0).cidrBlock());
        }
    }

    private static boolean awaitConsole(Ec2Client ec2, String id, String text) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (!SandboxInstances.console(ec2, id).contains(text)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            HostProcess.sleep(100);
        }
        return true;
    }

    private static int countOccurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void post(GureumProcess server, String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) server.endpoint().resolve(path).toURL().openConnection();
            connection.setRequestMethod("POST");
            assertEquals(200, connection.getResponseCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A /proc/meminfo value of the instance, in kB. */
    private static long memInfo(Path key, String address, String field) {
        String line = Ssh.run(key, "ec2-user", address, "grep '^" + field + ":' /proc/meminfo").output();
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
