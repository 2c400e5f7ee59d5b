package dev.gureum.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.KeyType;

/**
 * sandbox: real instances of a server started with {@code --runtime sandbox}, timed as a user sees them,
 * from sending RunInstances (AWS SDK) to the first {@code ssh … true} that succeeds against the instance's
 * private address: 20 launches of a t2.micro one at a time (each terminated before the next), stop → start
 * → ssh of one instance, a RunInstances of 10 (8 on 2 cores: the host's capacity) until all answer, and
 * the host memory of those once idle.
 *
 * <p>As a user does ({@code aws ec2 wait instance-running}, then ssh), ssh is tried once DescribeInstances
 * says running (its interface exists then): a connection tried before that can wait on the VPC namespace's
 * neighbour resolution, which retries once a second, or on ssh's 1 s connect timeout, so polling ssh from
 * the moment RunInstances returns would partly measure those timers, not the launch.
 *
 * <p>The reference, in the same run, is {@code ssh … true} against an instance whose sshd is already up:
 * the client's and sshd's own cost (process start, key exchange, authentication, a session), which every
 * launch figure contains once and which no launch path change can remove. The host commands of the first
 * measured launch (the server runs with {@code GUREUM_TRACE_HOST=1}) are printed before the table, so the
 * rest of the figure can be read off them.
 *
 * <p>Skipped, with the doctor's reasons, where the sandbox runtime cannot run (not root, no crun…).
 */
final class SandboxLaunches implements Benchmark {
    static final String NAME = "sandbox";
    private static final String TITLE = "RunInstances -> first successful ssh, real sandbox instances (gureum-tiny)";
    private static final int LAUNCHES = 20;
    private static final int STOP_STARTS = 5;
    /**
     * The burst launched at once: 10, or fewer where the host admits fewer 1-vCPU instances (the sandbox
     * admits 4 vCPUs per host CPU, so 8 on 2 cores).
     */
    private static final int BATCH = Math.min(10, 4 * Runtime.getRuntime().availableProcessors());
    /** One vCPU, so a burst is held back by the host's capacity as little as possible. */
    private static final String INSTANCE_TYPE = "t2.micro";
    private static final int REFERENCE_RUNS = 20;
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final Duration BOOT = Duration.ofSeconds(60);
    private static final double TARGET_SECONDS = 1.0;
    private static final String USER = "ec2-user";

    @Override
    public Report run() throws Exception {
        try (Workspace workspace = Workspace.create(NAME)) {
            String unready = doctorComplaint(workspace);
            if (unready != null) {
                return Report.skipped(NAME, TITLE, "the sandbox runtime cannot run here:\n" + unready);
            }
            int port = ServerProcess.freePort();
            try (ServerProcess server = ServerProcess.spawn(workspace, List.of(), port, "sandbox",
                    List.of("--runtime", "sandbox"), Map.of("GUREUM_TRACE_HOST", "1"));
                 Ec2Client ec2 = ec2(port)) {
                server.awaitAnswer(SignedRequest.describeRegions(port).toBytes());
                return measure(workspace, server, ec2);
            }
        }
    }

    private Report measure(Workspace workspace, ServerProcess server, Ec2Client ec2) throws Exception {
        String image = tinyImage(ec2);
        String group = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name")
                .values("default").build())).securityGroups().get(0).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipProtocol("tcp").fromPort(22).toPort(22)
                .cidrIp("0.0.0.0/0"));
        Path key = workspace.directory().resolve("bench.pem");
        Files.writeString(key, ec2.createKeyPair(r -> r.keyName("bench").keyType(KeyType.ED25519)).keyMaterial(),
                StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        SshClient ssh = new SshClient(key, USER);
        Launcher launcher = new Launcher(ec2, image);

        // the first launch builds the VPC's namespace, bridge and metadata service: measured apart
        long firstSent = System.nanoTime();
        Instance kept = launcher.run(1).get(0);
        launcher.awaitState(kept.instanceId(), "running");
        double firstLaunch;
        try {
            firstLaunch = seconds(ssh.awaitAnswer(kept.privateIpAddress(), BOOT) - firstSent);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nconsole of " + kept.instanceId() + ":\n"
                    + launcher.console(kept.instanceId()), e);
        }

        List<Double> reference = new ArrayList<>();
        for (int run = 0; run < REFERENCE_RUNS; run++) {
            long sent = System.nanoTime();
            if (!ssh.runsTrue(kept.privateIpAddress())) {
                throw new IllegalStateException("ssh to the running " + kept.instanceId() + " failed");
            }
            reference.add(seconds(System.nanoTime() - sent));
        }

        List<Double> launches = new ArrayList<>();
        List<Double> toRunning = new ArrayList<>();
        String trace = "";
        for (int run = 0; run < LAUNCHES; run++) {
            int logOffset = server.logText().length();
            String sentAtUptime = hostUptime();
            long sent = System.nanoTime();
            Instance instance = launcher.run(1).get(0);
            launcher.awaitState(instance.instanceId(), "running");
            toRunning.add(seconds(System.nanoTime() - sent));
            long answered = ssh.awaitAnswer(instance.privateIpAddress(), BOOT);
            launches.add(seconds(answered - sent));
            if (run == 0) {
                trace = "RunInstances sent at host uptime " + sentAtUptime + " s, ssh answered after "
                        + format(seconds(answered - sent)) + " s\n" + hostCommands(server.logText().substring(logOffset))
                        + "console:\n" + launcher.console(instance.instanceId()).indent(2);
            }
            launcher.terminate(List.of(instance.instanceId()));
        }

        List<Double> stopStarts = new ArrayList<>();
        for (int run = 0; run < STOP_STARTS; run++) {
            ec2.stopInstances(r -> r.instanceIds(kept.instanceId()));
            launcher.awaitState(kept.instanceId(), "stopped");
            long sent = System.nanoTime();
            ec2.startInstances(r -> r.instanceIds(kept.instanceId()));
            launcher.awaitState(kept.instanceId(), "running");
            stopStarts.add(seconds(ssh.awaitAnswer(kept.privateIpAddress(), BOOT) - sent));
        }
        launcher.terminate(List.of(kept.instanceId()));

        long serverRssBefore = residentBytes(server.handle().pid());
        long batchSent = System.nanoTime();
        List<Instance> batch = launcher.run(BATCH);
        double batchSeconds = seconds(allAnswer(launcher, ssh, batch) - batchSent);
        Thread.sleep(IDLE.toMillis());
        long cgroupUsage = 0;
        long cgroupRss = 0;
        for (Instance instance : batch) {
            cgroupUsage += InstanceCgroup.usageBytes(instance.instanceId());
            cgroupRss += InstanceCgroup.rssBytes(instance.instanceId());
        }
        long serverRssGrowth = residentBytes(server.handle().pid()) - serverRssBefore;
        launcher.terminate(batch.stream().map(Instance::instanceId).toList());

        System.out.println();
        System.out.println("sandbox: the first measured launch: host commands (GUREUM_TRACE_HOST=1, ms each), then its console:");
        System.out.print(trace);

        double median = Statistics.median(launches);
        double referenceMedian = Statistics.median(reference);
        double mebibyte = 1024.0 * 1024.0;
        return new Report(NAME, TITLE)
                .figure("reference_ssh_median_s", "ssh true to a running instance (reference), median",
                        referenceMedian, "s", REFERENCE_RUNS + " runs: the ssh client's and sshd's own cost")
                .figure("first_launch_s", "first launch (sets up the VPC's namespace)", firstLaunch, "s",
                        "measured apart")
                .figure("launch_to_ssh_median_s", "RunInstances -> ssh, median", median, "s",
                        LAUNCHES + " launches one at a time; " + String.format(java.util.Locale.ROOT, "%.1fx",
                                median / referenceMedian) + " the reference")
                .figure("launch_to_ssh_p95_s", "RunInstances -> ssh, p95", Statistics.percentile(launches, 95), "s",
                        "min " + format(launches.stream().mapToDouble(Double::doubleValue).min().orElse(0))
                                + " s, max " + format(launches.stream().mapToDouble(Double::doubleValue).max().orElse(0)) + " s")
                .figure("launch_to_running_median_s", "RunInstances -> state running, median",
                        Statistics.median(toRunning), "s", "DescribeInstances polled every 20 ms; ssh is tried from then")
                .figure("start_to_ssh_median_s", "StartInstances (after stop) -> ssh, median",
                        Statistics.median(stopStarts), "s", STOP_STARTS + " stop/start rounds of one instance")
                .figure("batch_launches_per_s", "RunInstances of " + BATCH + " -> all answer ssh",
                        BATCH / batchSeconds, "instances/s", "all " + BATCH + " in " + format(batchSeconds) + " s")
                .figure("idle_cgroup_mib_per_instance", "cgroup memory usage per idle instance",
                        cgroupUsage / mebibyte / BATCH, "MiB", "memory.usage_in_bytes, page cache included, "
                                + IDLE.toSeconds() + " s idle")
                .figure("idle_cgroup_rss_mib_per_instance", "cgroup RSS per idle instance",
                        cgroupRss / mebibyte / BATCH, "MiB", "memory.stat rss (anonymous memory)")
                .figure("server_rss_growth_mib_per_instance", "server RSS growth per running instance",
                        serverRssGrowth / mebibyte / BATCH, "MiB", "VmRSS after the " + BATCH + " minus before")
                .target("target-met", "target: RunInstances -> ssh median < " + TARGET_SECONDS + " s",
                        median < TARGET_SECONDS, "EC2 takes about 25 s");
    }

    /** Every instance polled by its own thread; the nanoTime when the last one answered. */
    private static long allAnswer(Launcher launcher, SshClient ssh, List<Instance> instances) throws Exception {
        ExecutorService pollers = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<Long>> answered = new ArrayList<>();
            for (Instance instance : instances) {
                answered.add(pollers.submit(() -> {
                    launcher.awaitState(instance.instanceId(), "running");
                    return ssh.awaitAnswer(instance.privateIpAddress(), BOOT);
                }));
            }
            long last = 0;
            for (Future<Long> answer : answered) {
                last = Math.max(last, answer.get());
            }
            return last;
        } finally {
            pollers.shutdownNow();
        }
    }

    /** The {@code [host N ms] command} lines of a piece of the server's log. */
    private static String hostCommands(String log) {
        StringBuilder lines = new StringBuilder();
        log.lines().filter(line -> line.startsWith("[host")).forEach(line -> lines.append("  ").append(line).append('\n'));
        return lines.toString();
    }

    /**
     * The doctor's output when {@code gureum doctor} (root, crun, namespaces, writable cgroups) says the
     * sandbox cannot run here; null when it can.
     */
    static String doctorComplaint(Workspace workspace) throws IOException, InterruptedException {
        Process process = workspace.start(new ProcessBuilder(Locations.javaExecutable().toString(), "-jar",
                workspace.serverJar().toString(), "doctor").redirectErrorStream(true));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? null : output;
    }

    /** /proc/uptime's first field: the clock the instance's init stamps its console lines with. */
    private static String hostUptime() throws IOException {
        return Files.readString(Path.of("/proc/uptime")).split(" ")[0];
    }

    private static long residentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** The id of the {@code gureum-tiny} image the sandbox runtime builds when it opens. */
    static String tinyImage(Ec2Client ec2) {
        return ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                .values("gureum-tiny-*").build())).images().get(0).imageId();
    }

    static Ec2Client ec2(int port) {
        return Ec2Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static String format(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.3f", seconds);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** RunInstances and TerminateInstances as the benchmark uses them; terminate waits until the host is clean. */
    record Launcher(Ec2Client ec2, String image) {
        List<Instance> run(int count) {
            return ec2.runInstances(r -> r.imageId(image).instanceType(INSTANCE_TYPE).minCount(count).maxCount(count)
                    .keyName("bench")).instances();
        }

        void terminate(List<String> ids) throws InterruptedException {
            ec2.terminateInstances(r -> r.instanceIds(ids));
            for (String id : ids) {
                awaitState(id, "terminated");
            }
        }

        void awaitState(String id, String wanted) throws InterruptedException {
            awaitState(id, wanted, Duration.ofMillis(20));
        }

        /** Polls DescribeInstances every {@code poll} until the instance is in state {@code wanted}. */
        void awaitState(String id, String wanted, Duration poll) throws InterruptedException {
            long deadline = System.nanoTime() + BOOT.toNanos();
            while (!state(id).equals(wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(id + " is " + state(id) + ", not " + wanted + " after " + BOOT);
                }
                Thread.sleep(poll.toMillis());
            }
        }

        String console(String id) {
            String output = ec2.getConsoleOutput(r -> r.instanceId(id)).output();
            return output == null ? "" : new String(java.util.Base64.getDecoder().decode(output), StandardCharsets.UTF_8);
        }

        private String state(String id) {
            return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state()
                    .nameAsString();
        }
    }
}
