package dev.gureum.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.KeyType;

/**
 * What a stop and a start of one real instance cost the host: a server started with {@code --runtime sandbox}
 * (metering on, as always) stops and starts one {@code gureum-tiny} t2.micro, through the AWS SDK, waiting for
 * {@code stopped} and then {@code running} each time (DescribeInstances every 100 ms), and the CPU time the server
 * process and the commands it ran ({@code crun}, {@code ip}, {@code nft}, counted once it has waited for them)
 * took over the cycles, divided by their number. The instance's own processes are not in it. This is the
 * transition that metering's cost is set against on the runtime that runs real instances.
 */
final class SandboxCycles {
    private static final int WARM_UP = 1;
    private static final int CYCLES = 10;
    private static final Duration POLL = Duration.ofMillis(100);

    /** A cycle's cost, or why it could not be measured here. */
    record Result(Duration cpuPerCycle, Duration wallPerCycle, int cycles, String skipped) {
        boolean measured() {
            return skipped == null;
        }
    }

    private SandboxCycles() {
    }

    static Result measure(Workspace workspace) throws Exception {
        String unready = SandboxLaunches.doctorComplaint(workspace);
        if (unready != null) {
            return new Result(null, null, 0, "the sandbox runtime cannot run here: " + unready.strip());
        }
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.spawn(workspace, List.of(), port, "sandbox-cycles",
                List.of("--runtime", "sandbox"), Map.of());
             Ec2Client ec2 = SandboxLaunches.ec2(port)) {
            try {
                server.awaitAnswer(SignedRequest.describeRegions(port).toBytes());
            } catch (IOException | IllegalStateException e) {
                throw new IllegalStateException("the sandbox server did not start (" + e.getMessage() + "): "
                        + lastLine(server.logText()), e);
            }
            ec2.createKeyPair(r -> r.keyName("bench").keyType(KeyType.ED25519));
            SandboxLaunches.Launcher launcher = new SandboxLaunches.Launcher(ec2, SandboxLaunches.tinyImage(ec2));
            String id = launcher.run(1).get(0).instanceId();
            launcher.awaitState(id, "running", POLL);
            try {
                for (int i = 0; i < WARM_UP; i++) {
                    cycle(launcher, id);
                }
                Duration cpuBefore = CpuTime.withReapedChildren(server.handle());
                long wallBefore = System.nanoTime();
                for (int i = 0; i < CYCLES; i++) {
                    cycle(launcher, id);
                }
                Duration cpu = CpuTime.withReapedChildren(server.handle()).minus(cpuBefore);
                Duration wall = Duration.ofNanos(System.nanoTime() - wallBefore);
                return new Result(cpu.dividedBy(CYCLES), wall.dividedBy(CYCLES), CYCLES, null);
            } finally {
                launcher.terminate(List.of(id));
            }
        }
    }

    /** The last line of a log that is neither blank nor a stack frame: why a server stopped, when it did. */
    private static String lastLine(String log) {
        List<String> lines = log.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("at ")
                && !line.strip().startsWith("...")).toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }

    private static void cycle(SandboxLaunches.Launcher launcher, String id) throws InterruptedException {
        launcher.ec2().stopInstances(r -> r.instanceIds(id));
        launcher.awaitState(id, "stopped", POLL);
        launcher.ec2().startInstances(r -> r.instanceIds(id));
        launcher.awaitState(id, "running", POLL);
    }
}
