package dev.gureum.bench;

import dev.gureum.protocol.http.WireResponse;
import dev.gureum.server.GureumServer;
import dev.gureum.server.ServeOptions;
import dev.gureum.server.gateway.Gateway;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A profiling aid for the launch path, not a benchmark: after {@link InstanceScale}'s warm-up, rounds of
 * 10 × RunInstances of 100, each round in a fresh region, printing per round the wall time, the CPU of the
 * Java threads, the bytes all threads allocated and the process's CPU (which adds the JIT compilers and the
 * garbage collector). With a file name it records JFR 1 ms execution samples from the second round on.
 * Run it with the server's JVM flags, for instance
 * {@code java $(flags) -cp 'bench/target/gureum-bench.jar:bench/target/lib/*' dev.gureum.bench.LaunchRounds
 * /tmp/data 6 /tmp/launch.jfr}. About 15 rounds fill the log to its first compaction, which then lands in a
 * round.
 */
public final class LaunchRounds {
    private static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "eu-west-1", "eu-west-2",
            "eu-central-1", "ap-northeast-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "sa-east-1",
            "eu-north-1", "ap-south-1");
    private static final Pattern IMAGE = Pattern.compile("<imageId>(ami-[0-9a-f]+)</imageId>");

    private LaunchRounds() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LaunchRounds <empty data directory> <rounds> [recording.jfr]");
            System.exit(2);
        }
        int rounds = Math.min(Integer.parseInt(args[1]), REGIONS.size());
        ServeOptions options = ServeOptions.parse(new String[] {"--port", "0", "--data-dir", args[0], "--auth", "any",
                "--max-instances", "20000", "--zone-capacity-vcpus", "100000000"}, Map.of());
        try (GureumServer server = GureumServer.start(options); Recording recording = recording(args)) {
            Gateway gateway = server.gateway();
            warmUp(gateway);
            for (int round = 0; round < rounds; round++) {
                String region = REGIONS.get(round);
                String image = image(gateway, region);
                call(gateway, "DescribeVpcs", "", region);
                if (round == 1 && recording != null) {
                    recording.start();
                }
                long cpu = CpuTime.javaThreadNanos();
                long process = processCpuNanos();
                long allocated = allocatedBytes();
                long wall = 0;
                for (int i = 0; i < 10; i++) {
                    long start = System.nanoTime();
                    WireResponse response = InstanceScale.serve(gateway, "RunInstances", launch(image), region);
                    wall += System.nanoTime() - start;
                    InstanceScale.requireOk("RunInstances", response);
                }
                System.out.printf(Locale.ROOT, "round %d %s: %.1f ms, cpu %.1f ms, allocated %.1f MB, process cpu %.1f ms%n",
                        round, region, wall / 1e6, (CpuTime.javaThreadNanos() - cpu) / 1e6,
                        (allocatedBytes() - allocated) / 1e6, (processCpuNanos() - process) / 1e6);
            }
            if (recording != null && rounds > 1) {
                recording.stop();
            }
        }
    }

    private static Recording recording(String[] args) throws Exception {
        if (args.length < 3) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        recording.setDestination(Path.of(args[2]));
        return recording;
    }

    /** As {@link InstanceScale}'s warm-up: the JIT's first passes, in a region no round uses. */
    private static void warmUp(Gateway gateway) {
        for (int i = 0; i < 300; i++) {
            call(gateway, "DescribeRegions", "", "us-east-1");
        }
        call(gateway, "DescribeInstanceTypes", "InstanceType.1=t3.micro", "us-east-1");
        String image = image(gateway, "us-west-2");
        for (int i = 0; i < 60; i++) {
            call(gateway, "RunInstances", launch(image), "us-west-2");
            call(gateway, "DescribeInstances", "MaxResults=1000", "us-west-2");
        }
    }

    private static String launch(String image) {
        return "ImageId=" + image + "&InstanceType=t3.micro&MinCount=5&MaxCount=100"
                + "&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name"
                + "&TagSpecification.1.Tag.1.Value=bulk";
    }

    private static String image(Gateway gateway, String region) {
        Matcher matcher = IMAGE.matcher(call(gateway, "DescribeImages", "Owner.1=amazon&Filter.1.Name=name"
                + "&Filter.1.Value.1=debian-12-amd64-*", region));
        if (!matcher.find()) {
            throw new IllegalStateException("no catalog image in " + region);
        }
        return matcher.group(1);
    }

    private static String call(Gateway gateway, String action, String parameters, String region) {
        WireResponse response = InstanceScale.serve(gateway, action, parameters, region);
        InstanceScale.requireOk(action, response);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadAllocatedBytes(id));
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
