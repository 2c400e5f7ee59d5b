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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch metrics, server time at the gateway (in-process, awsJson 1.0, no HTTP, durable writes):
 * PutMetricData ingest in datapoints per second from {@value #THREADS} concurrent callers sending 1,000 data a
 * call for {@value #INGEST_SECONDS} s, and GetMetricData of 100 series × 24 hours of 1-minute data (144,000
 * values, every page). The reference in the same process is DescribeRegions through the same gateway, and
 * PutMetricData of one datum per call (the per-call cost that 1,000-datum calls spread).
 */
final class MetricScale implements Benchmark {
    static final String NAME = "metrics";
    private static final int THREADS = 4;
    private static final int INGEST_SECONDS = 10;
    private static final int SERIES = 100;
    private static final int MINUTES = 24 * 60;
    private static final Pattern FIGURE = Pattern.compile("^FIGURE (\\w+) (\\S+)$", Pattern.MULTILINE);
    private static final Pattern VALUE = Pattern.compile("\"Values\":\\[([^\\]]*)\\]");
    private static final Pattern TOKEN = Pattern.compile("\"NextToken\":\"([^\"]+)\"");
    private static final List<String> KEYS = List.of("reference", "single_put", "ingest", "ingest_cpu", "query", "values",
            "heap");

    public static void main(String[] args) throws Exception {
        measure(Path.of(args[0])).forEach((key, value) -> System.out.println("FIGURE " + key + " " + value));
    }

    @Override
    public Report run() throws Exception {
        Map<String, Double> figures;
        try (Workspace workspace = Workspace.create(NAME)) {
            figures = measureInChild(workspace, workspace.directory().resolve("data"));
        }
        double ingest = figures.get("ingest");
        double query = figures.get("query");
        return new Report(NAME, "CloudWatch metrics, server time at the gateway (in-process, awsJson 1.0, durable writes)")
                .figure("reference_describe_regions_ms", "DescribeRegions (reference)", figures.get("reference"), "ms",
                        "median of 200")
                .figure("reference_put_one_ms", "PutMetricData of 1 datum (reference)", figures.get("single_put"), "ms",
                        "median of 200; each call waits for its own flush")
                .figure("put_metric_data_datapoints_per_s", "PutMetricData ingest, " + THREADS + " callers x 1,000 data a"
                        + " call", ingest, "datapoints/s", INGEST_SECONDS + " s sustained")
                .figure("put_metric_data_cpu_us_per_datapoint", "PutMetricData CPU of Java threads per datapoint",
                        figures.get("ingest_cpu"), "us", "JIT and GC left out")
                .figure("get_metric_data_100x24h_ms", "GetMetricData 100 series x 24 h of 1-minute data, all pages", query,
                        "ms", "median of 15; " + ratio(query, figures.get("reference")))
                .figure("heap_mb_after", "heap after ingest and seeding", figures.get("heap") / (1 << 20), "MiB",
                        "used heap after GC")
                .check("values_returned", "144,000 values returned", figures.get("values") == SERIES * MINUTES, "")
                .target("ingest_target", ">= 50,000 datapoints/s", ingest >= 50_000, "")
                .target("query_target", "GetMetricData 100 x 24 h <= 50 ms", query <= 50, "");
    }

    private static Map<String, Double> measureInChild(Workspace workspace, Path data) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Locations.javaExecutable().toString());
        command.addAll(Locations.serverJvmFlags());
        command.addAll(List.of("-cp", Locations.benchClassPath().toString(), MetricScale.class.getName(), data.toString()));
        Process process = workspace.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the measuring JVM failed: " + output);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher matcher = FIGURE.matcher(output);
        while (matcher.find()) {
            figures.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        if (!figures.keySet().containsAll(KEYS)) {
            throw new IllegalStateException("the measuring JVM reported " + figures.keySet() + ": " + output);
        }
        return figures;
    }

    private static Map<String, Double> measure(Path data) throws Exception {
        ServeOptions options = ServeOptions.parse(new String[] {"--port", "0", "--data-dir", data.toString(),
                "--auth", "any"}, Map.of());
        try (GureumServer server = GureumServer.start(options)) {
            Gateway gateway = server.gateway();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            for (int i = 0; i < 200; i++) {
                cloudWatch(gateway, "PutMetricData", puts("Warm", i % 10, now, 1000, 1), "us-west-2");
                ec2(gateway, "DescribeRegions");
            }
            for (int i = 0; i < 30; i++) {
                getAll(gateway, "Warm", 10, now.minus(Duration.ofHours(1)), now, "us-west-2");
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("reference", median(200, () -> ec2(gateway, "DescribeRegions")));
            figures.put("single_put", median(200, () -> cloudWatch(gateway, "PutMetricData",
                    puts("Single", 0, now, 1, 1), "us-east-1")));

            AtomicLong datapoints = new AtomicLong();
            AtomicLong callersCpu = new AtomicLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(INGEST_SECONDS).toNanos();
            long cpu = applicationCpuNanos();
            long started = System.nanoTime();
            List<Thread> callers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int caller = thread;
                callers.add(Thread.ofPlatform().start(() -> {
                    int call = 0;
                    while (System.nanoTime() < deadline) {
                        cloudWatch(gateway, "PutMetricData", puts("Ingest" + caller, call++ % 5, now, 1000, 1), "us-east-1");
                        datapoints.addAndGet(1000);
                    }
                    callersCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                }));
            }
            for (Thread caller : callers) {
                caller.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            figures.put("ingest", datapoints.get() / seconds);
            // The callers have ended by now, so their own CPU time is added from what each measured last.
            figures.put("ingest_cpu", (applicationCpuNanos() - cpu + callersCpu.get()) / 1e3 / datapoints.get());

            Instant first = now.minus(Duration.ofMinutes(MINUTES));
            for (int minute = 0; minute < MINUTES; minute += 10) {
                cloudWatch(gateway, "PutMetricData", puts("Day", 0, first.plusSeconds(60L * minute), SERIES, 10), "us-east-1");
            }
            int[] values = new int[1];
            figures.put("query", median(15, () -> values[0] = getAll(gateway, "Day", SERIES, first, now, "us-east-1")));
            figures.put("values", (double) values[0]);
            figures.put("heap", (double) usedHeapAfterGc());
            return figures;
        }
    }

    /**
     * A PutMetricData body: {@code series} metrics (Host=h0…) of namespace {@code namespace}, metric {@code m<variant>},
     * each with {@code minutes} consecutive one-minute values from {@code from}.
     */
    private static String puts(String namespace, int variant, Instant from, int series, int minutes) {
        StringBuilder body = new StringBuilder(series * minutes * 110).append("{\"Namespace\":\"").append(namespace)
                .append("\",\"MetricData\":[");
        boolean first = true;
        for (int minute = 0; minute < minutes; minute++) {
            long timestamp = from.getEpochSecond() + 60L * minute;
            for (int host = 0; host < series; host++) {
                body.append(first ? "" : ",").append("{\"MetricName\":\"m").append(variant)
                        .append("\",\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"h").append(host)
                        .append("\"}],\"Timestamp\":").append(timestamp).append(",\"Value\":").append(host + minute % 7)
                        .append(",\"Unit\":\"Count\"}");
                first = false;
            }
        }
        return body.append("]}").toString();
    }

    /** GetMetricData of the Average of {@code series} metrics over [from, to) at 60 s, every page; answers the values. */
    private static int getAll(Gateway gateway, String namespace, int series, Instant from, Instant to, String region) {
        StringBuilder queries = new StringBuilder("[");
        for (int host = 0; host < series; host++) {
            queries.append(host == 0 ? "" : ",").append("{\"Id\":\"q").append(host)
                    .append("\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"").append(namespace)
                    .append("\",\"MetricName\":\"m0\",\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"h").append(host)
                    .append("\"}]},\"Period\":60,\"Stat\":\"Average\"}}");
        }
        queries.append("]");
        int values = 0;
        String token = null;
        do {
            String body = "{\"MetricDataQueries\":" + queries + ",\"StartTime\":" + from.getEpochSecond() + ",\"EndTime\":"
                    + to.getEpochSecond() + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}";
            String answer = cloudWatch(gateway, "GetMetricData", body, region);
            Matcher matcher = VALUE.matcher(answer);
            while (matcher.find()) {
                values += matcher.group(1).isEmpty() ? 0 : matcher.group(1).split(",").length;
            }
            Matcher next = TOKEN.matcher(answer);
            token = next.find() ? next.group(1) : null;
        } while (token != null);
        return values;
    }

    private static double median(int count, Runnable call) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return Statistics.median(millis);
    }

    private static String cloudWatch(Gateway gateway, String operation, String body, String region) {
        Map<String, List<String>> headers = Map.of(
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=000000000000/20261129/" + region
                        + "/monitoring/aws4_request, SignedHeaders=host, Signature=0"),
                "x-amz-target", List.of("GraniteServiceVersion20100801." + operation),
                "content-type", List.of("application/x-amz-json-1.0"));
        return answer(operation, gateway.handle(new WireRequest("POST", "/", "", headers,
                body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String ec2(Gateway gateway, String action) {
        Map<String, List<String>> headers = Map.of("authorization", List.of("AWS4-HMAC-SHA256 Credential=000000000000/"
                + "20261129/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0"));
        return answer(action, gateway.handle(new WireRequest("POST", "/", "", headers,
                ("Action=" + action + "&Version=2016-11-15").getBytes(StandardCharsets.UTF_8))));
    }

    private static String answer(String operation, WireResponse response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != 200) {
            throw new IllegalStateException(operation + " answered " + response.status() + ": " + text);
        }
        return text;
    }

    private static long applicationCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String ratio(double millis, double reference) {
        return String.format(java.util.Locale.ROOT, "%.1f x the reference", millis / reference);
    }
}
