package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.it.SandboxDisksIT.SandboxWaits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.KeyType;

/**
 * The catalog's Debian 12 AMI on the sandbox runtime: its root filesystem is built with debootstrap once per
 * image cache (about 3.5 minutes; {@code /var/cache/gureum/images}, or GUREUM_IMAGE_CACHE, so later runs reuse
 * it) and an instance of it answers SSH as {@code admin}, Debian's default user on EC2, who may sudo. The build starts in the
 * background when the run starts ({@link ImageCachePrebuild}); this test waits for it and fails with its log
 * when it failed.
 */
@UsesImageCache(SandboxDebianIT.IMAGE)
class SandboxDebianIT {
    static final String IMAGE = "debian-12";
    /** A build on a fresh host downloads and installs Debian; with the cache filled it is a check. */
    private static final Duration BUILD = Duration.ofMinutes(10);
    /** Once the image is built, an instance answers SSH in about a second. */
    private static final Duration FIRST_BOOT = Duration.ofMinutes(2);

    @TempDir
    Path keys;

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
    }

    @Test
    void aDebian12InstanceIsBuiltOnceAndAnswersSshAsAdmin() {
        Duration waited = ImageCacheBuilds.awaitBuilt(IMAGE, ImageCacheBuilds.cache(), BUILD);
        System.out.println("[measured] waited for the " + IMAGE + " image build: " + waited.toMillis() + " ms");
        try (GureumProcess server = GureumProcess.start(Map.of("GUREUM_IMAGE_CACHE", ImageCacheBuilds.cache().toString()),
                "--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            SandboxInstances.openSsh(ec2);
            Path key = KeyTools.privateKeyFile(keys.resolve("debian.pem"),
                    ec2.createKeyPair(r -> r.keyName("debian").keyType(KeyType.ED25519)).keyMaterial());
            String ami = ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                    .values("debian-12-amd64-*").build())).images().get(0).imageId();
            long launched = System.nanoTime();
            // two instances at once: both boot from the one cached build
            List<Instance> instances = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(2)
                    .maxCount(2).keyName("debian")).instances();
            Instance first = instances.get(0);
            Ssh.Result release = Ssh.retry(key, "admin", first.privateIpAddress(),
                    ". /etc/os-release && echo $ID $VERSION_ID $(id -un)", FIRST_BOOT);
            System.out.println("[measured] RunInstances (debian-12) -> first ssh command: "
                    + (System.nanoTime() - launched) / 1_000_000 + " ms");
            assertEquals("debian 12 admin", release.output(), SandboxWaits.console(ec2, first.instanceId()));
            assertTrue(Ssh.retry(key, "admin", instances.get(1).privateIpAddress(), "true", Duration.ofSeconds(30)).ok());
            assertEquals(first.privateDnsName(), Ssh.run(key, "admin", first.privateIpAddress(), "hostname -f").output(),
                    "the instance's own names resolve (/etc/hosts, as cloud-init manages it)");
            assertEquals("root", Ssh.run(key, "admin", first.privateIpAddress(), "sudo -n whoami").output(),
                    "the default user runs anything as root through sudo without a password, as on Debian's AMIs");
            String hostResolver = KeyTools.shell("cat /etc/resolv.conf 2>/dev/null || true").strip();
            Ssh.Result asRoot = Ssh.run(key, "root", first.privateIpAddress(), "id -u");
            assertTrue(asRoot.output().contains("Please login as the user \"admin\" rather than the user \"root\"."),
                    "root is turned away as on Debian's AMIs: " + asRoot);
            String instanceResolver = Ssh.run(key, "admin", first.privateIpAddress(),
                    "cat /etc/resolv.conf 2>/dev/null || true").output();
            assertTrue(hostResolver.isEmpty() || !instanceResolver.equals(hostResolver),
                    "debootstrap's copy of the host's resolv.conf is not in the image");
            String hostKeys = "cat /etc/ssh/ssh_host_ed25519_key.pub";
            assertTrue(!Ssh.run(key, "admin", first.privateIpAddress(), hostKeys).output().equals(
                    Ssh.run(key, "admin", instances.get(1).privateIpAddress(), hostKeys).output()),
                    "every instance makes its own host keys");

            assertEquals(first.instanceId(), Ssh.run(key, "admin", first.privateIpAddress(), "token=$(curl -s -X PUT"
                    + " http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60') && curl -s"
                    + " -H \"X-aws-ec2-metadata-token: $token\" http://169.254.169.254/latest/meta-data/instance-id")
                    .output(), "curl is there, and the image's IMDSv2 answers it");
            assertEquals("1024", Ssh.run(key, "admin", first.privateIpAddress(), "free -m | awk '/^Mem:/ {print $2}'")
                    .output(), "free shows the t3.micro's memory");
            String second = instances.get(1).instanceId();
            Ssh.run(key, "admin", instances.get(1).privateIpAddress(), "sudo shutdown -h now");
            SandboxWaits.state(ec2, second, "stopped");
            assertEquals("Client.InstanceInitiatedShutdown", ec2.describeInstances(r -> r.instanceIds(second))
                    .reservations().get(0).instances().get(0).stateReason().code(), "shutdown works without systemd");

            ec2.terminateInstances(r -> r.instanceIds(instances.stream().map(Instance::instanceId).toList()));
            instances.forEach(instance -> SandboxWaits.state(ec2, instance.instanceId(), "terminated"));
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), List.of(first.instanceId(),
                    instances.get(1).instanceId(), first.vpcId()), List.of()), "nothing left behind");
        }
    }
}
