package dev.gureum.it;

import static dev.gureum.it.SandboxInstances.BOOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.it.SandboxDisksIT.SandboxWaits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.KeyType;

/**
 * Images of real root filesystems (sandbox runtime, root, real crun): CreateImage captures what an instance
 * wrote and an instance launched from the new image sees it; {@code gureum image import} of a directory
 * registers an AMI that boots.
 */
class SandboxImagesIT {
    /** CreateImage's image is pending for ImageService.BUILD_TIME (30 s) on the real clock. */
    private static final Duration IMAGE_PENDING = Duration.ofSeconds(45);

    @TempDir
    Path keys;

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
    }

    @Test
    void createImageCapturesTheInstancesFilesAndANewInstanceOfItSeesThem() {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            Path key = allowSsh(ec2);
            Instance source = launch(ec2, SandboxWaits.tinyImage(ec2));
            SandboxWaits.state(ec2, source.instanceId(), "running");
            assertTrue(Ssh.retry(key, "root", source.privateIpAddress(),
                    "echo captured > /root/captured && rm /etc/os-release && sync", BOOT).ok());

            String imageId = ec2.createImage(r -> r.instanceId(source.instanceId()).name("captured-tiny")).imageId();
            awaitImage(ec2, imageId);
            assertTrue(SandboxWaits.console(ec2, source.instanceId()).contains("root filesystem captured as " + imageId),
                    SandboxWaits.console(ec2, source.instanceId()));
            assertEquals("captured", Ssh.retry(key, "root", source.privateIpAddress(), "cat /root/captured", BOOT)
                    .output(), "the source instance runs again after its reboot for the image");

            Instance copy = launch(ec2, imageId);
            SandboxWaits.state(ec2, copy.instanceId(), "running");
            assertEquals("captured gone", Ssh.retry(key, "root", copy.privateIpAddress(),
                    "echo $(cat /root/captured) $(test -e /etc/os-release && echo there || echo gone)", BOOT).output(),
                    "the new instance sees the captured files (and not the deleted one)\n"
                    + SandboxWaits.console(ec2, copy.instanceId()));

            ec2.terminateInstances(r -> r.instanceIds(source.instanceId(), copy.instanceId()));
            SandboxWaits.state(ec2, source.instanceId(), "terminated");
            SandboxWaits.state(ec2, copy.instanceId(), "terminated");
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(),
                    List.of(source.instanceId(), copy.instanceId(), source.vpcId()), List.of()), "nothing left behind");
        }
    }

    @Test
    void imageImportOfADirectoryRegistersAnAmiThatBootsAndATreeWithoutSshdIsRefused() throws Exception {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            Path key = allowSsh(ec2);
            // a root filesystem to import: the tiny image's tree (built when the runtime opened) plus a marker
            Instance first = launch(ec2, SandboxWaits.tinyImage(ec2));
            SandboxWaits.state(ec2, first.instanceId(), "running");
            Path tree = keys.resolve("my-rootfs");
            KeyTools.run("cp", "-a", server.dataDirectory().resolve("sandbox/images/gureum-tiny/rootfs").toString(),
                    tree.toString());
            java.nio.file.Files.writeString(tree.resolve("etc/imported-marker"), "imported\n");

            GureumProcess.Doctor imported = GureumProcess.cli("image", "import", tree.toString(), "--name", "my-tiny",
                    "--default-user", "admin", "--endpoint", server.endpoint().toString().replaceAll("/$", ""));
            assertTrue(imported.ready(), imported.output());
            String imageId = imported.output().strip();
            software.amazon.awssdk.services.ec2.model.Image image = ec2.describeImages(r -> r.imageIds(imageId))
                    .images().get(0);
            assertEquals(List.of("my-tiny", "available", "/dev/xvda"),
                    List.of(image.name(), image.stateAsString(), image.rootDeviceName()));

            Instance booted = launch(ec2, imageId);
            SandboxWaits.state(ec2, booted.instanceId(), "running");
            assertEquals("imported", Ssh.retry(key, "admin", booted.privateIpAddress(), "cat /etc/imported-marker",
                    BOOT).output(), "the imported tree boots, with its default user\n"
                    + SandboxWaits.console(ec2, booted.instanceId()));

            KeyTools.run("rm", "-f", tree.resolve("usr/sbin/sshd").toString());
            GureumProcess.Doctor refused = GureumProcess.cli("image", "import", tree.toString(), "--name", "no-sshd",
                    "--endpoint", server.endpoint().toString().replaceAll("/$", ""));
            assertEquals(false, refused.ready(), refused.output());
            assertTrue(refused.output().contains("/usr/sbin/sshd"), refused.output());
            assertTrue(ec2.describeImages(r -> r.owners("self").filters(Filter.builder().name("name")
                    .values("no-sshd").build())).images().isEmpty(), "a refused import records nothing");

            ec2.terminateInstances(r -> r.instanceIds(first.instanceId(), booted.instanceId()));
            SandboxWaits.state(ec2, booted.instanceId(), "terminated");
            SandboxWaits.state(ec2, first.instanceId(), "terminated");
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(),
                    List.of(first.instanceId(), booted.instanceId(), first.vpcId()), List.of()), "nothing left behind");
        }
    }

    private Path allowSsh(Ec2Client ec2) {
        SandboxInstances.openSsh(ec2);
        return KeyTools.privateKeyFile(keys.resolve("images.pem"),
                ec2.createKeyPair(r -> r.keyName("images").keyType(KeyType.ED25519)).keyMaterial());
    }

    private static Instance launch(Ec2Client ec2, String imageId) {
        return ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro").minCount(1).maxCount(1)
                .keyName("images")).instances().get(0);
    }

    private static void awaitImage(Ec2Client ec2, String imageId) {
        long deadline = System.nanoTime() + IMAGE_PENDING.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = ec2.describeImages(r -> r.imageIds(imageId)).images().get(0).stateAsString();
            if (state.equals("available")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(imageId + " is still " + state);
    }
}
