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

/**
 * CloudWatch metrics, server time at the gateway (in-process, the Java SDK's RPC v2 CBOR, no HTTP, durable writes):
 * PutMetricData ingest in datapoints per second from {@value #THREADS} concurrent callers sending 1,000 data a
 * call for {@value #INGEST_SECONDS} s, and GetMetricData of 100 series × 24 hours of 1-minute data (144,000
 * values, every page; also in awsJson 1.0, whose numbers are text). Requests are encoded before the clock
 * starts and answers read after it stops. The reference in the same process is DescribeRegions through the same gateway, and
 * PutMetricData of one datum per call (the per-call cost that 1,000-datum calls spread).
 */
final class MetricScale implements Benchmark {
    static final String NAME = "metrics";
    private static final int THREADS = 4;
    private static final java.lang.management.ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
    private static final int INGEST_SECONDS = 10;
    private static final int SERIES = 100;
    private static final int MINUTES = 24 * 60;
    /** Unmeasured rounds of the full query first: the JIT compiles its large-result paths meanwhile. */
    private static final int WARM_UP_QUERIES = 10;
    private static final List<String> KEYS = List.of("reference", "single_put", "ingest", "ingest_cpu", "query", "query_cpu",
            "values", "query_json", "heap");

    public static void main(String[] args) throws Exception {
        measure(Path.of(args[0])).forEach(MeasuringJvm::print);
    }

    @Override
    public Report run() throws Exception {
        Map<String, Double> figures;
        try (Workspace workspace = Workspace.create(NAME)) {
            figures = measureInChild(workspace, workspace.directory().resolve("data"));
        }
        double ingest = figures.get("ingest");
        double query = figures.get("query");
        return new Report(NAME, "CloudWatch metrics, server time at the gateway (in-process, RPC v2 CBOR, durable writes)")
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
                .figure("get_metric_data_100x24h_cpu_ms", "the same, CPU time of the calling thread", figures.get("query_cpu"),
                        "ms", "median of 15; the handler runs on the caller, so waiting for a core is not in it")
                .figure("get_metric_data_100x24h_json_ms", "the same in awsJson 1.0 (botocore 1.43's wire)",
                        figures.get("query_json"), "ms", "median of 15")
                .figure("heap_mb_after", "heap after ingest and seeding", figures.get("heap") / (1 << 20), "MiB",
                        "used heap after GC")
                .check("values_returned", "144,000 values returned", figures.get("values") == SERIES * MINUTES, "")
                .target("ingest_target", ">= 50,000 datapoints/s", ingest >= 50_000, "")
                .target("query_target", "GetMetricData 100 x 24 h <= 50 ms", query <= 50, "");
    }

    private static Map<String, Double> measureInChild(Workspace workspace, Path data) throws Exception {
        return MeasuringJvm.figures(workspace, MetricScale.class, data, KEYS);
    }

    private static Map<String, Double> measure(Path data) throws Exception {
        ServeOptions options = ServeOptions.parse(new String[] {"--port", "0", "--data-dir", data.toString(),
                "--auth", "any"}, Map.of());
        try (GureumServer server = GureumServer.start(options)) {
            Gateway gateway = server.gateway();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            MetricDocuments cbor = MetricDocuments.CBOR;
            for (int i = 0; i < 200; i++) {
                put(gateway, cbor.request("PutMetricData", puts("Warm", i % 10, now, 1000, 1), "us-west-2"));
                ec2(gateway, "DescribeRegions");
            }
            for (int i = 0; i < 30; i++) {
                getAll(gateway, i % 2 == 0 ? cbor : MetricDocuments.JSON, "Warm", 10, now.minus(Duration.ofHours(1)), now,
                        "us-west-2", new long[2]);
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("reference", median(200, () -> ec2(gateway, "DescribeRegions")));
            WireRequest single = cbor.request("PutMetricData", puts("Single", 0, now, 1, 1), "us-east-1");
            figures.put("single_put", median(200, () -> put(gateway, single)));

            // Each caller encodes its next calls before the clock starts: what is measured is the server.
            List<List<WireRequest>> prepared = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                List<WireRequest> calls = new ArrayList<>();
                for (int variant = 0; variant < 5; variant++) {
                    calls.add(cbor.request("PutMetricData", puts("Ingest" + thread, variant, now, 1000, 1), "us-east-1"));
                }
                prepared.add(calls);
            }
            AtomicLong datapoints = new AtomicLong();
            AtomicLong callersCpu = new AtomicLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(INGEST_SECONDS).toNanos();
            long cpu = applicationCpuNanos();
            long started = System.nanoTime();
            List<Thread> callers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                List<WireRequest> calls = prepared.get(thread);
                callers.add(Thread.ofPlatform().start(() -> {
                    int call = 0;
                    while (System.nanoTime() < deadline) {
                        put(gateway, calls.get(call++ % calls.size()));
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
                put(gateway, cbor.request("PutMetricData", puts("Day", 0, first.plusSeconds(60L * minute), SERIES, 10),
                        "us-east-1"));
            }
            int[] values = new int[1];
            double[] cpuMillis = new double[1];
            figures.put("query", medianQuery(15, gateway, cbor, first, now, values, cpuMillis));
            figures.put("query_cpu", cpuMillis[0]);
            figures.put("values", (double) values[0]);
            figures.put("query_json", medianQuery(15, gateway, MetricDocuments.JSON, first, now, values, cpuMillis));
            figures.put("heap", (double) usedHeapAfterGc());
            return figures;
        }
    }

    /**
     * A PutMetricData document: {@code series} metrics (Host=h0…) of namespace {@code namespace}, metric
     * {@code m<variant>}, each with {@code minutes} consecutive one-minute values from {@code from}.
     */
    private static Map<String, Object> puts(String namespace, int variant, Instant from, int series, int minutes) {
        List<Object> data = new ArrayList<>(series * minutes);
        for (int minute = 0; minute < minutes; minute++) {
            Instant timestamp = from.plusSeconds(60L * minute);
            for (int host = 0; host < series; host++) {
                data.add(Map.of("MetricName", "m" + variant, "Dimensions", List.of(Map.of("Name", "Host", "Value", "h" + host)),
                        "Timestamp", timestamp, "Value", (double) (host + minute % 7), "Unit", "Count"));
            }
        }
        return Map.of("Namespace", namespace, "MetricData", data);
    }

    /**
     * GetMetricData of the Average of {@code series} metrics over [from, to) at 60 s, every page; answers the
     * values returned and adds the gateway's time (not the reading of the answers) to {@code gatewayNanos}.
     */
    private static int getAll(Gateway gateway, MetricDocuments wire, String namespace, int series, Instant from,
                              Instant to, String region, long[] gatewayNanos) {
        List<Object> queries = new ArrayList<>();
        for (int host = 0; host < series; host++) {
            queries.add(Map.of("Id", "q" + host, "MetricStat", Map.of("Metric", Map.of("Namespace", namespace,
                    "MetricName", "m0", "Dimensions", List.of(Map.of("Name", "Host", "Value", "h" + host))),
                    "Period", 60, "Stat", "Average")));
        }
        int values = 0;
        String token = null;
        do {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("MetricDataQueries", queries);
            document.put("StartTime", from);
            document.put("EndTime", to);
            if (token != null) {
                document.put("NextToken", token);
            }
            WireRequest request = wire.request("GetMetricData", document, region);
            long cpu = THREAD_CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            WireResponse response = gateway.handle(request);
            gatewayNanos[0] += System.nanoTime() - start;
            gatewayNanos[1] += THREAD_CPU.getCurrentThreadCpuTime() - cpu;
            requireOk("GetMetricData", response);
            MetricDocuments.Answer answer = wire.read(response.body());
            values += answer.values();
            token = answer.nextToken();
        } while (token != null);
        return values;
    }

    /**
     * The median over {@code count} rounds of the gateway time one round of GetMetricData took; the median of
     * the calling thread's CPU time for it (the handler runs on it) goes into {@code cpuMillis}.
     */
    private static double medianQuery(int count, Gateway gateway, MetricDocuments wire, Instant from, Instant to,
                                      int[] values, double[] cpuMillis) {
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < WARM_UP_QUERIES; i++) {
            getAll(gateway, wire, "Day", SERIES, from, to, "us-east-1", new long[2]);
        }
        for (int i = 0; i < count; i++) {
            long[] nanos = new long[2];
            values[0] = getAll(gateway, wire, "Day", SERIES, from, to, "us-east-1", nanos);
            millis.add(nanos[0] / 1e6);
            cpu.add(nanos[1] / 1e6);
        }
        cpuMillis[0] = Statistics.median(cpu);
        return Statistics.median(millis);
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

    /** PutMetricData in the Java SDK's wire; the request is encoded before the call it times, if any. */
    private static void put(Gateway gateway, WireRequest request) {
        requireOk("PutMetricData", gateway.handle(request));
    }

    private static void requireOk(String operation, WireResponse response) {
        if (response.status() != 200) {
            throw new IllegalStateException(operation + " answered " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private static void ec2(Gateway gateway, String action) {
        Map<String, List<String>> headers = Map.of("authorization", List.of("AWS4-HMAC-SHA256 Credential=000000000000/"
                + "20261129/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0"));
        requireOk(action, gateway.handle(new WireRequest("POST", "/", "", headers,
                ("Action=" + action + "&Version=2016-11-15").getBytes(StandardCharsets.UTF_8))));
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
