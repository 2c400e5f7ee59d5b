package dev.gureum.it;

import static dev.gureum.it.SandboxInstances.BOOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * Disks inside real instances (sandbox runtime, root, real crun): EBS volumes mounted at {@code /media/xvd?}
 * from launch and by AttachVolume while running, kept across stop and start and moved with the volume to
 * another instance; a detach while a process uses the volume stays {@code busy} until forced; instance
 * store at {@code /mnt}, kept across reboot and empty after stop and start; nothing left on the host.
 */
class SandboxDisksIT {
    @TempDir
    Path keys;

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
    }

    @Test
    void ebsVolumesAppearInsideSurviveStopAndStartAttachAndDetachLiveAndMoveToAnotherInstance() {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            Path key = allowSsh(ec2);
            Instance a = launch(ec2, "t3.micro", BlockDeviceMapping.builder().deviceName("/dev/sdf")
                    .ebs(EbsBlockDevice.builder().volumeSize(1).volumeType("gp3").build()).build());
            String addressA = a.privateIpAddress();
            SandboxWaits.state(ec2, a.instanceId(), "running");
            assertTrue(Ssh.retry(key, "root", addressA, "grep -q ' /media/xvdf ext4 ' /proc/mounts", BOOT).ok(),
                    SandboxWaits.console(ec2, a.instanceId()));
            assertTrue(Ssh.run(key, "root", addressA, "echo from-launch > /media/xvdf/f && sync").ok());

            String spare = ec2.createVolume(r -> r.availabilityZone(a.placement().availabilityZone()).size(1)
                    .volumeType("gp3")).volumeId();
            SandboxWaits.until(() -> "available".equals(volume(ec2, spare).stateAsString()), "volume available");
            ec2.attachVolume(r -> r.volumeId(spare).instanceId(a.instanceId()).device("/dev/sdg"));
            SandboxWaits.until(() -> "attached".equals(attachmentState(ec2, spare)), "attached");
            assertTrue(Ssh.retry(key, "root", addressA, "grep -q ' /media/xvdg ext4 ' /proc/mounts", BOOT).ok(),
                    "a volume attached while running appears inside\n" + SandboxWaits.console(ec2, a.instanceId()));
            assertTrue(Ssh.run(key, "root", addressA, "echo hot > /media/xvdg/g && sync").ok());

            ec2.stopInstances(r -> r.instanceIds(a.instanceId()));
            SandboxWaits.state(ec2, a.instanceId(), "stopped");
            ec2.startInstances(r -> r.instanceIds(a.instanceId()));
            SandboxWaits.state(ec2, a.instanceId(), "running");
            assertEquals("from-launch hot", Ssh.retry(key, "root", addressA,
                    "echo $(cat /media/xvdf/f /media/xvdg/g)", BOOT).output(), "volumes keep their data across stop/start");

            // a process working in the volume: DetachVolume leaves it busy until forced
            assertTrue(Ssh.run(key, "root", addressA,
                    "setsid sh -c 'cd /media/xvdg && exec sleep 600' </dev/null >/dev/null 2>&1 &").ok());
            assertTrue(Ssh.retry(key, "root", addressA, "ls -l /proc/*/cwd 2>/dev/null | grep -q /media/xvdg", BOOT).ok(),
                    "a process works in the volume");
            assertEquals("detaching", ec2.detachVolume(r -> r.volumeId(spare)).stateAsString());
            SandboxWaits.until(() -> "busy".equals(attachmentState(ec2, spare)), () -> "busy while in use: "
                    + volume(ec2, spare) + "\n" + SandboxWaits.console(ec2, a.instanceId()));
            assertEquals("in-use", volume(ec2, spare).stateAsString());
            ec2.detachVolume(r -> r.volumeId(spare).force(true));
            SandboxWaits.until(() -> "available".equals(volume(ec2, spare).stateAsString()), "available after force");
            assertFalse(Ssh.run(key, "root", addressA, "grep -q ' /media/xvdg ' /proc/mounts").ok(),
                    "a detached volume is gone from inside");

            Instance b = ec2.runInstances(r -> r.imageId(SandboxWaits.tinyImage(ec2)).instanceType("t3.micro")
                    .minCount(1).maxCount(1).keyName("disks")
                    .placement(p -> p.availabilityZone(a.placement().availabilityZone()))).instances().get(0);
            SandboxWaits.state(ec2, b.instanceId(), "running");
            ec2.attachVolume(r -> r.volumeId(spare).instanceId(b.instanceId()).device("/dev/xvdh"));
            assertEquals("hot", Ssh.retry(key, "root", b.privateIpAddress(), "cat /media/xvdh/g", BOOT).output(),
                    "the volume's data moves with it\n" + SandboxWaits.console(ec2, b.instanceId()));
            ec2.detachVolume(r -> r.volumeId(spare));
            SandboxWaits.until(() -> "available".equals(volume(ec2, spare).stateAsString()), "detached from b");
            assertFalse(Ssh.run(key, "root", b.privateIpAddress(), "test -e /media/xvdh/g").ok());

            ec2.terminateInstances(r -> r.instanceIds(a.instanceId(), b.instanceId()));
            SandboxWaits.state(ec2, a.instanceId(), "terminated");
            SandboxWaits.state(ec2, b.instanceId(), "terminated");
            ec2.deleteVolume(r -> r.volumeId(spare));
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(),
                    List.of(a.instanceId(), b.instanceId(), a.vpcId()), List.of()), "nothing left behind");
        }
    }

    @Test
    void instanceStoreIsMountedAtMntKeptAcrossRebootAndEmptyAfterStopAndStart() {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            Path key = allowSsh(ec2);
            Instance instance = launch(ec2, "m5d.large");
            String id = instance.instanceId();
            String address = instance.privateIpAddress();
            SandboxWaits.state(ec2, id, "running");
            String size = Ssh.retry(key, "root", address, "df -k /mnt | tail -1", BOOT).output();
            long kilobytes = Long.parseLong(size.trim().split("\\s+")[1]);
            assertTrue(kilobytes > 60_000_000L && kilobytes < 75_000_000L, "a 75 GB ext4 filesystem: " + size);
            assertTrue(Ssh.run(key, "root", address, "grep -q ' /media/ephemeral0 ext4 ' /proc/mounts").ok());
            assertTrue(Ssh.run(key, "root", address, "echo scratch > /mnt/s && sync").ok());

            ec2.rebootInstances(r -> r.instanceIds(id));
            SandboxWaits.until(() -> SandboxWaits.console(ec2, id).contains("rebooting"), "reboot");
            assertEquals("scratch", Ssh.retry(key, "root", address, "cat /mnt/s", BOOT).output(),
                    "instance store survives a reboot");

            ec2.stopInstances(r -> r.instanceIds(id));
            SandboxWaits.state(ec2, id, "stopped");
            ec2.startInstances(r -> r.instanceIds(id));
            SandboxWaits.state(ec2, id, "running");
            assertEquals("empty", Ssh.retry(key, "root", address,
                    "grep -q ' /mnt ' /proc/mounts && (test -e /mnt/s && echo kept || echo empty)", BOOT).output(),
                    "instance store is empty after stop and start");

            ec2.terminateInstances(r -> r.instanceIds(id));
            SandboxWaits.state(ec2, id, "terminated");
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), List.of(id, instance.vpcId()),
                    List.of()), "nothing left behind");
        }
    }

    private Path allowSsh(Ec2Client ec2) {
        SandboxInstances.openSsh(ec2);
        return KeyTools.privateKeyFile(keys.resolve("disks.pem"),
                ec2.createKeyPair(r -> r.keyName("disks").keyType(KeyType.ED25519)).keyMaterial());
    }

    private static Instance launch(Ec2Client ec2, String type, BlockDeviceMapping... mappings) {
        return ec2.runInstances(r -> r.imageId(SandboxWaits.tinyImage(ec2)).instanceType(type).minCount(1).maxCount(1)
                .keyName("disks").blockDeviceMappings(mappings)).instances().get(0);
    }

    private static Volume volume(Ec2Client ec2, String id) {
        return ec2.describeVolumes(r -> r.volumeIds(id)).volumes().get(0);
    }

    private static String attachmentState(Ec2Client ec2, String volumeId) {
        Volume volume = volume(ec2, volumeId);
        return volume.attachments().isEmpty() ? "none" : volume.attachments().get(0).stateAsString();
    }

    /** Waiting on the cloud and on instances, shared by the sandbox disk and image tests. */
    static final class SandboxWaits {
        private SandboxWaits() {
        }

        static String tinyImage(Ec2Client ec2) {
            return ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                    .values("gureum-tiny-*").build())).images().get(0).imageId();
        }

        static void state(Ec2Client ec2, String id, String wanted) {
            until(() -> wanted.equals(ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances()
                    .get(0).state().nameAsString()), id + " " + wanted + "\n" + console(ec2, id));
        }

        static String console(Ec2Client ec2, String id) {
            String output = ec2.getConsoleOutput(r -> r.instanceId(id)).output();
            return output == null ? "" : new String(Base64.getDecoder().decode(output), StandardCharsets.UTF_8);
        }

        static void until(Supplier<Boolean> condition, String what) {
            until(condition, () -> what);
        }

        static void until(Supplier<Boolean> condition, Supplier<String> what) {
            long deadline = System.nanoTime() + BOOT.toNanos();
            while (!condition.get()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for " + what.get());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
