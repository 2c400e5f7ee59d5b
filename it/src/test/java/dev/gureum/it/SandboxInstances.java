package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/** What the sandbox ITs ask of their instances: the tiny image, the state and waiting for one, the console. */
final class SandboxInstances {
    /** How long a sandbox instance may take to reach a state. */
    static final Duration BOOT = Duration.ofSeconds(30);

    private SandboxInstances() {
    }

    /** Opens tcp 22 from anywhere in the default security group, as one does on EC2 to SSH in; answers its id. */
    static String openSsh(Ec2Client ec2) {
        String group = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name")
                .values("default").build())).securityGroups().get(0).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipProtocol("tcp").fromPort(22).toPort(22)
                .cidrIp("0.0.0.0/0"));
        return group;
    }

    static String tinyImage(Ec2Client ec2) {
        return ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                .values("gureum-tiny-*").build())).images().get(0).imageId();
    }

    static String state(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state()
                .nameAsString();
    }

    static void awaitState(Ec2Client ec2, String id, String wanted) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        String now = state(ec2, id);
        while (!now.equals(wanted) && System.nanoTime() < deadline) {
            HostProcess.sleep(20);
            now = state(ec2, id);
        }
        assertEquals(wanted, now, id + "\n" + console(ec2, id));
    }

    /** Waits until the instance's console holds {@code line} (the runtime notes what it did there). */
    static void awaitConsole(Ec2Client ec2, String id, String line) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (!console(ec2, id).contains(line) && System.nanoTime() < deadline) {
            HostProcess.sleep(50);
        }
        String console = console(ec2, id);
        assertTrue(console.contains(line), "no '" + line + "' on the console of " + id + ":\n" + console);
    }

    static String console(Ec2Client ec2, String id) {
        String output = ec2.getConsoleOutput(r -> r.instanceId(id)).output();
        return output == null ? "" : new String(Base64.getDecoder().decode(output), StandardCharsets.UTF_8);
    }
}
