package dev.gureum.it;

import static dev.gureum.it.SandboxInstances.BOOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code #cloud-config} user data in real sandbox instances: write_files and runcmd seen through SSH and in
 * the console output, run once per instance; a cloud-config that is not YAML is reported on the console and
 * the instance boots all the same. Root only, like {@link SandboxIT}; run under /tmp/sandbox-it.lock.
 */
class SandboxCloudConfigIT {
    @TempDir
    Path keys;

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
    }

    @Test
    void cloudConfigWritesFilesRunsCommandsOnceAndBadYamlStillBoots() {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            SandboxInstances.openSsh(ec2);
            Path key = KeyTools.privateKeyFile(keys.resolve("dev.pem"),
                    ec2.createKeyPair(r -> r.keyName("dev").keyType(KeyType.ED25519)).keyMaterial());
            Path extra = keys.resolve("extra");
            KeyTools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "extra-key", "-f", extra.toString());
            String extraPublic = readString(keys.resolve("extra.pub")).strip();
            String marker = "runcmd-says-" + UUID.randomUUID();
            String cloudConfig = """
                    #cloud-config
                    packages: [nginx]
                    ssh_authorized_keys:
                      - %s
                    bootcmd:
                      - echo bootcmd-ran-for-$INSTANCE_ID
                    write_files:
                      - path: /etc/gureum/it's here.txt
                        content: |
                          line one with $HOME and 'quotes'
                        permissions: '0640'
                        owner: ec2-user:ec2-user
                      - path: /root/binary
                        encoding: b64
                        content: AAEC/w==
                    runcmd:
                      - echo %s
                      - [sh, -c, "echo $(( $(wc -c < /root/binary) )) > /root/binary-size"]
                    """.formatted(extraPublic, marker);
            Instance good = launch(ec2, cloudConfig);
            Instance bad = launch(ec2, "#cloud-config\nruncmd: [echo never\nwrite_files: {\n");
            String id = good.instanceId();
            String address = good.privateIpAddress();
            SandboxInstances.awaitState(ec2, id, "running");
            SandboxInstances.awaitState(ec2, bad.instanceId(), "running");

            assertTrue(awaitConsole(ec2, id, "cloud-config: runcmd exited with status 0"), SandboxInstances.console(ec2, id));
            String console = SandboxInstances.console(ec2, id);
            assertTrue(console.contains(marker), console);
            assertTrue(console.contains("bootcmd-ran-for-" + id), console);
            assertTrue(console.contains("cloud-config: packages is not supported"), console);
            assertEquals(1, count(console, "cloud-config: wrote /etc/gureum/it's here.txt"), console);

            Ssh.Result file = Ssh.retry(key, "root", address,
                    "stat -c '%a %U:%G' \"/etc/gureum/it's here.txt\" && cat \"/etc/gureum/it's here.txt\""
                            + " && cat /root/binary-size", BOOT);
            assertEquals("640 ec2-user:ec2-user\nline one with $HOME and 'quotes'\n4", file.output(),
                    file + "\n" + console);

            assertEquals("ec2-user", Ssh.run(extra, "ec2-user", address, "whoami").output(),
                    "ssh_authorized_keys are the default user's");

            ec2.rebootInstances(r -> r.instanceIds(id));
            assertTrue(awaitConsoleCount(ec2, id, "bootcmd-ran-for-" + id, 2), SandboxInstances.console(ec2, id));
            Ssh.Result after = Ssh.retry(key, "ec2-user", address, "true", BOOT);
            assertTrue(after.ok(), after.toString());
            assertEquals(1, count(SandboxInstances.console(ec2, id), marker), "runcmd runs once per instance, bootcmd at every boot");
            assertEquals("1", Ssh.run(extra, "ec2-user", address, "grep -c extra-key ~/.ssh/authorized_keys").output(),
                    "the extra key, kept across a reboot, once");

            assertTrue(awaitConsole(ec2, bad.instanceId(), "cloud-config user data is not valid YAML"),
                    SandboxInstances.console(ec2, bad.instanceId()));
            Ssh.Result badSsh = Ssh.retry(key, "ec2-user", bad.privateIpAddress(), "echo up", BOOT);
            assertEquals("up", badSsh.output(), badSsh + "\n" + SandboxInstances.console(ec2, bad.instanceId()));
            assertTrue(SandboxInstances.console(ec2, bad.instanceId()).contains("gureum-init: ready"), SandboxInstances.console(ec2, bad.instanceId()));

            ec2.terminateInstances(r -> r.instanceIds(id, bad.instanceId()));
            SandboxInstances.awaitState(ec2, id, "terminated");
            SandboxInstances.awaitState(ec2, bad.instanceId(), "terminated");
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(),
                    List.of(id, bad.instanceId(), good.vpcId()), List.of()), "terminated instances leave nothing");
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instance launch(Ec2Client ec2, String userData) {
        return ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano").minCount(1).maxCount(1)
                .keyName("dev").userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8))))
                .instances().get(0);
    }

    private static boolean awaitConsole(Ec2Client ec2, String id, String text) {
        return awaitConsoleCount(ec2, id, text, 1);
    }

    private static boolean awaitConsoleCount(Ec2Client ec2, String id, String text, int times) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (count(SandboxInstances.console(ec2, id), text) < times) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            HostProcess.sleep(100);
        }
        return true;
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
