package dev.gureum.it;

import static dev.gureum.it.SandboxInstances.BOOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * A key pair made on the client and imported opens SSH to a real sandbox instance; a process that outgrows the
 * instance type's memory is killed inside the instance, which keeps running and answering, as on EC2 where
 * the guest's kernel kills it. Runs as root on a host that passes {@code gureum doctor}.
 */
class SandboxLimitsIT {
    @TempDir
    Path keys;

    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
    }

    @Test
    void anImportedKeyOpensSshAndAProcessPastTheTypesMemoryIsKilledInsideTheInstanceOnly() throws Exception {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            SandboxInstances.openSsh(ec2);
            Path key = keys.resolve("laptop");
            KeyTools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "me@laptop", "-f", key.toString());
            byte[] publicKey = Files.readAllBytes(keys.resolve("laptop.pub"));
            ec2.importKeyPair(r -> r.keyName("laptop").publicKeyMaterial(
                    software.amazon.awssdk.core.SdkBytes.fromByteArray(publicKey)));

            Instance instance = ec2.runInstances(r -> r.imageId(SandboxInstances.tinyImage(ec2)).instanceType("t3.nano")
                    .minCount(1).maxCount(1).keyName("laptop")).instances().get(0);
            String id = instance.instanceId();
            String address = instance.privateIpAddress();
            SandboxInstances.awaitState(ec2, id, "running");
            Ssh.Result hello = Ssh.retry(key, "ec2-user", address, "echo hello", BOOT);
            assertEquals("hello", hello.output(), hello + "\n" + SandboxInstances.console(ec2, id));

            // t3.nano has 512 MiB: a shell holding 700 MiB in a variable is killed; the session's shell goes on
            Ssh.Result hog = Ssh.run(key, "root", address, "sh -c 'x=$(dd if=/dev/zero bs=1M count=700 2>/dev/null"
                    + " | tr \"\\\\000\" a); echo survived'; echo status=$?");
            assertTrue(hog.output().contains("status=137"), "killed by SIGKILL inside the instance: " + hog);
            assertTrue(!hog.output().contains("survived"), hog.output());
            Path oomControl = Path.of("/sys/fs/cgroup/memory/gureum", id, "memory.oom_control");
            if (Files.exists(oomControl)) {
                assertTrue(Files.readString(oomControl).lines().anyMatch(line -> line.matches("oom_kill [1-9][0-9]*")),
                        "the kill was the instance cgroup's own: " + Files.readString(oomControl));
            }
            assertEquals("running", SandboxInstances.state(ec2, id));
            assertEquals("still here", Ssh.run(key, "ec2-user", address, "echo still here").output(),
                    "sshd and the rest of the instance live on");

            String vpc = instance.vpcId();
            ec2.terminateInstances(r -> r.instanceIds(id));
            SandboxInstances.awaitState(ec2, id, "terminated");
            assertEquals(List.of(), HostLeftovers.awaitClean(server.dataDirectory(), List.of(id, vpc), List.of()));
        }
    }
}
