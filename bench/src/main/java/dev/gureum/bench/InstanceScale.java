package dev.gureum.bench;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.server.GureumServer;
import dev.gureum.server.ServeOptions;
import dev.gureum.server.gateway.Gateway;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server time of the instance control plane, measured in-process at the gateway (decode, handler with
 * its durable writes, encode; no HTTP): 10 × RunInstances of 100, DescribeInstances returning 1,000, a
 * tag- and state-filtered DescribeInstances over 10,000 with a small result, and heap per instance after
 * 10,000. The reference in the same process is DescribeRegions through the same gateway.
 *
 * <p>The measurement runs in {@value #PROCESSES} fresh JVMs, one after the other, and the report gives
 * each figure's median over them with its range: on the shared machines this runs on, one JVM can run
 * the same code several times slower than the next for its whole life (see docs/benchmarks.md), so a
 * single process's figure says more about that process than about Gureum.
 */
final class InstanceScale implements Benchmark {
    static final String NAME = "instances";
    private static final int PROCESSES = 5;
    /**
     * RunInstances, DescribeInstances and TerminateInstances calls made in another region before measuring:
     * the launch path's per-call methods (a handler's loop over a call's hundred instances, the batch's commit)
     * run a few times per call, and the JIT compiles them fully only after a few thousand runs. With 60 calls
     * the measured launches still ran partly in the first compiler's profiling code, with the optimising compiler
     * busy beside them (`launch_jit_ms`); a server that has run for a while runs them compiled, and that is the
     * launch time the target is about (docs/benchmarks.md, "instances").
     */
    private static final int WARM_UP_CALLS = 200;
    private static final Pattern INSTANCE_ID = Pattern.compile("<instanceId>(i-[0-9a-f]+)</instanceId>");
    private static final List<String> KEYS = List.of("reference", "launch", "describe", "filtered", "heap", "described",
            "small", "launch_cpu", "launch_jit", "describe_cpu");

    /** One process's measurement: {@link #main} prints it as FIGURE lines for the parent to read. */
    public static void main(String[] args) throws Exception {
        Map<String, Double> figures = measure(Path.of(args[0]));
        figures.forEach(MeasuringJvm::print);
    }

    @Override
    public Report run() throws Exception {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        try (Workspace workspace = Workspace.create(NAME)) {
            for (int process = 0; process < PROCESSES; process++) {
                Path data = workspace.directory().resolve("data-" + process);
                measureInChild(workspace, data).forEach((key, value) ->
                        samples.computeIfAbsent(key, unused -> new ArrayList<>()).add(value));
            }
        }
        double reference = Statistics.median(samples.get("reference"));
        double launchMillis = Statistics.median(samples.get("launch"));
        double describeThousand = Statistics.median(samples.get("describe"));
        double launchCpu = Statistics.median(samples.get("launch_cpu"));
        double describeCpu = Statistics.median(samples.get("describe_cpu"));
        double filteredMillis = Statistics.median(samples.get("filtered"));
        double bytesPerInstance = Statistics.median(samples.get("heap"));
        boolean counted = samples.get("described").stream().allMatch(count -> count == 1000)
                && samples.get("small").stream().allMatch(count -> count == 5);
        return new Report(NAME, "instance control plane, server time at the gateway (in-process, durable writes),"
                + " medians over " + PROCESSES + " JVMs")
                .figure("reference_describe_regions_ms", "DescribeRegions (reference)", reference, "ms",
                        "median of 200 per JVM; " + range(samples.get("reference")))
                .figure("run_instances_10x100_ms", "RunInstances 10 x 100, total", launchMillis, "ms",
                        ratio(launchMillis, reference) + "; " + range(samples.get("launch")))
                .figure("run_instances_10x100_cpu_ms", "RunInstances 10 x 100, CPU of Java threads", launchCpu, "ms",
                        "JIT and GC left out; " + range(samples.get("launch_cpu")))
                .figure("run_instances_10x100_jit_ms", "JIT compiling while the 10 launches ran",
                        Statistics.median(samples.get("launch_jit")), "ms", "compiler threads' time, beside the"
                                + " launches; " + range(samples.get("launch_jit")))
                .figure("describe_1000_ms", "DescribeInstances returning 1,000", describeThousand, "ms",
                        "median of 30 per JVM; " + ratio(describeThousand, reference) + "; "
                                + range(samples.get("describe")))
                .figure("describe_1000_cpu_ms", "DescribeInstances returning 1,000, CPU of Java threads", describeCpu,
                        "ms", "median of 30 per JVM; " + range(samples.get("describe_cpu")))
                .figure("describe_filtered_10000_ms", "filtered DescribeInstances over 10,000 (5 found)",
                        filteredMillis, "ms", "median of 200 per JVM; " + ratio(filteredMillis, reference) + "; "
                                + range(samples.get("filtered")))
                .figure("heap_bytes_per_instance", "heap per instance after 10,000", bytesPerInstance, "bytes",
                        "(used heap after GC, 9,000 instances added) / 9,000")
                .check("describe_counts", "1,000 described, 5 filtered, in every JVM", counted, "")
                .target("run_target", "RunInstances 10 x 100 <= 70 ms", launchMillis <= 70, "")
                .target("describe_target", "DescribeInstances of 1,000 <= 7.5 ms", describeThousand <= 7.5, "")
                .target("filtered_target", "filtered over 10,000 <= 1 ms", filteredMillis <= 1.0, "")
                .target("memory_target", "<= 4 KB per instance", bytesPerInstance <= 4096, "");
    }

    private static Map<String, Double> measureInChild(Workspace workspace, Path data) throws Exception {
        return MeasuringJvm.figures(workspace, InstanceScale.class, data, KEYS);
    }

    private static Map<String, Double> measure(Path data) throws Exception {
        ServeOptions options = ServeOptions.parse(new String[] {"--port", "0", "--data-dir", data.toString(),
                "--auth", "any", "--max-instances", "20000", "--zone-capacity-vcpus", "100000000"}, Map.of());
        try (GureumServer server = GureumServer.start(options)) {
            Gateway gateway = server.gateway();
            String image = firstMatch(call(gateway, "DescribeImages", "Owner.1=amazon&Filter.1.Name=name"
                    + "&Filter.1.Value.1=debian-12-amd64-*"), "<imageId>(ami-[0-9a-f]+)</imageId>");
            warmUp(gateway, image);
            call(gateway, "DescribeVpcs", "");
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("reference", median(gateway, "DescribeRegions", "", 200));

            long launchNanos = 0;
            long launchCpuNanos = 0;
            long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            for (int i = 0; i < 10; i++) {
                long cpu = CpuTime.javaThreadNanos();
                long start = System.nanoTime();
                WireResponse response = serve(gateway, "RunInstances", launch(image, "bulk"), "us-east-1");
                launchNanos += System.nanoTime() - start;
                launchCpuNanos += CpuTime.javaThreadNanos() - cpu;
                requireOk("RunInstances", response);
            }
            figures.put("launch", launchNanos / 1e6);
            figures.put("launch_jit", (double) (ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
                    - jitMillis));
            figures.put("launch_cpu", launchCpuNanos / 1e6);
            String describeAll = "MaxResults=1000";
            figures.put("described", (double) countInstances(call(gateway, "DescribeInstances", describeAll)));
            List<Double> describeCpu = new ArrayList<>();
            figures.put("describe", median(gateway, "DescribeInstances", describeAll, 30, describeCpu));
            figures.put("describe_cpu", Statistics.median(describeCpu));

            long heapBefore = usedHeapAfterGc();
            for (int i = 0; i < 89; i++) {
                call(gateway, "RunInstances", launch(image, "bulk"));
            }
            call(gateway, "RunInstances", launch(image, "needle"));
            long heapAfter = usedHeapAfterGc();
            figures.put("heap", (heapAfter - heapBefore) / 9000.0);
            String filtered = "Filter.1.Name=tag:Name&Filter.1.Value.1=needle"
                    + "&Filter.2.Name=instance-state-name&Filter.2.Value.1=running&MaxResults=5";
            figures.put("small", (double) countInstances(call(gateway, "DescribeInstances", filtered)));
            figures.put("filtered", median(gateway, "DescribeInstances", filtered, 200));
            return figures;
        }
    }

    private static String range(List<Double> sample) {
        return String.format(java.util.Locale.ROOT, "range %.3g-%.3g",
                sample.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                sample.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    private static String launch(String image, String name) {
        return "ImageId=" + image + "&InstanceType=t3.micro&MinCount=5&MaxCount="
                + ("needle".equals(name) ? 5 : 100)
                + "&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name"
                + "&TagSpecification.1.Tag.1.Value=" + name;
    }

    /**
     * The JIT's first passes, in another region so the measured region starts empty; and everything the
     * server would otherwise load in the background a few seconds after starting (the instance-type
     * catalog, the full operation catalog, which an unknown action needs), so it cannot land mid-measurement.
     */
    private static void warmUp(Gateway gateway, String image) {
        for (int i = 0; i < 300; i++) {
            call(gateway, "DescribeRegions", "");
        }
        call(gateway, "DescribeInstanceTypes", "InstanceType.1=t3.micro");
        gateway.handle(new WireRequest("POST", "/", "", Map.of(), "Action=NoSuchAction&Version=2016-11-15"
                .getBytes(StandardCharsets.UTF_8)));
        String warmImage = firstMatch(call(gateway, "DescribeImages", "Owner.1=amazon&Filter.1.Name=name"
                + "&Filter.1.Value.1=debian-12-amd64-*", "us-west-2"), "<imageId>(ami-[0-9a-f]+)</imageId>");
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            String launched = call(gateway, "RunInstances", launch(warmImage, "warm"), "us-west-2");
            call(gateway, "DescribeInstances", "MaxResults=1000", "us-west-2");
            call(gateway, "TerminateInstances", idParameters(instanceIds(launched)), "us-west-2");
        }
    }

    private static double median(Gateway gateway, String action, String parameters, int count) {
        return median(gateway, action, parameters, count, new ArrayList<>());
    }

    /** The median wall time of {@code count} calls; each call's application CPU time is added to {@code cpuMillis}. */
    private static double median(Gateway gateway, String action, String parameters, int count, List<Double> cpuMillis) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long cpu = CpuTime.javaThreadNanos();
            long start = System.nanoTime();
            WireResponse response = serve(gateway, action, parameters, "us-east-1");
            millis.add((System.nanoTime() - start) / 1e6);
            cpuMillis.add((CpuTime.javaThreadNanos() - cpu) / 1e6);
            requireOk(action, response);
        }
        return Statistics.median(millis);
    }

    private static String call(Gateway gateway, String action, String parameters) {
        return call(gateway, action, parameters, "us-east-1");
    }

    private static String call(Gateway gateway, String action, String parameters, String region) {
        WireResponse response = serve(gateway, action, parameters, region);
        requireOk(action, response);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /**
     * An unsigned request, which --auth any takes as the default account in {@code region}: what the timed
     * loops measure, so reading the answer as text is left outside them.
     */
    static WireResponse serve(Gateway gateway, String action, String parameters, String region) {
        String body = "Action=" + action + "&Version=2016-11-15" + (parameters.isEmpty() ? "" : "&" + parameters);
        Map<String, List<String>> headers = Map.of("authorization", List.of("AWS4-HMAC-SHA256 Credential=000000000000/"
                + "20261129/" + region + "/ec2/aws4_request, SignedHeaders=host, Signature=0"));
        return gateway.handle(new WireRequest("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    static void requireOk(String action, WireResponse response) {
        if (response.status() != 200) {
            throw new IllegalStateException(action + " answered " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private static int countInstances(String xml) {
        return instanceIds(xml).size();
    }

    /** The instance ids an answer lists, in order. */
    static List<String> instanceIds(String xml) {
        List<String> ids = new ArrayList<>();
        Matcher id = INSTANCE_ID.matcher(xml);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    /** The ids as a query's {@code InstanceId.N} parameters. */
    static String idParameters(List<String> ids) {
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            parameters.append(i == 0 ? "" : "&").append("InstanceId.").append(i + 1).append('=').append(ids.get(i));
        }
        return parameters.toString();
    }

    private static String firstMatch(String xml, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException("no match for " + pattern);
        }
        return matcher.group(1);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(Duration.ofMillis(200));
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String ratio(double millis, double reference) {
        return String.format(java.util.Locale.ROOT, "%.1f x the reference", millis / reference);
    }
}
