package dev.gureum.bench;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.server.GureumServer;
import dev.gureum.server.ServeOptions;
import dev.gureum.server.gateway.Gateway;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server time of Cost Explorer's {@code GetCostAndUsage} (DAILY, UnblendedCost, grouped by USAGE_TYPE) over a
 * month of usage of 10,000 instances, in-process at the gateway: a server on the manual clock launches
 * 100 × 100 t3.micro, the clock moves 30 days on while they run, and the query covers those 30 days (each
 * instance has three open usage periods: its running time, its root volume, its public address). The
 * reference in the same run is DescribeRegions through the same gateway (after 300 warm-up calls). Medians
 * of {@value #CALLS} calls after {@value #WARM_UP} warm-up calls.
 */
final class CostExplorerScale implements Benchmark {
    static final String NAME = "cost-explorer";
    private static final int INSTANCES = 10_000;
    private static final int DAYS = 30;
    private static final int WARM_UP = 5;
    private static final int CALLS = 11;
    private static final Pattern GROUP = Pattern.compile("\"Keys\":\\[");

    @Override
    public Report run() throws Exception {
        try (Workspace workspace = Workspace.create(NAME)) {
            ServeOptions options = ServeOptions.parse(new String[] {"--port", "0", "--data-dir",
                    workspace.directory().resolve("data").toString(), "--auth", "any", "--clock", "manual",
                    "--max-instances", "20000", "--zone-capacity-vcpus", "100000000"}, Map.of());
            try (GureumServer server = GureumServer.start(options)) {
                Gateway gateway = server.gateway();
                String image = image(gateway);
                for (int i = 0; i < INSTANCES / 100; i++) {
                    InstanceScale.requireOk("RunInstances", InstanceScale.serve(gateway, "RunInstances", "ImageId="
                            + image + "&InstanceType=t3.micro&MinCount=100&MaxCount=100", "us-east-1"));
                }
                LocalDate first = today(gateway).plusDays(1);
                advance(gateway, 86_400L * (DAYS + 1));
                String query = "{\"TimePeriod\":{\"Start\":\"" + first + "\",\"End\":\"" + first.plusDays(DAYS)
                        + "\"},\"Granularity\":\"DAILY\",\"Metrics\":[\"UnblendedCost\"],"
                        + "\"GroupBy\":[{\"Type\":\"DIMENSION\",\"Key\":\"USAGE_TYPE\"}]}";
                String answer = costAndUsage(gateway, query);
                int groups = count(GROUP, answer);
                for (int i = 0; i < WARM_UP; i++) {
                    costAndUsage(gateway, query);
                }
                for (int i = 0; i < 300; i++) {
                    InstanceScale.serve(gateway, "DescribeRegions", "", "us-east-1");
                }
                List<Double> reference = new ArrayList<>();
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    long start = System.nanoTime();
                    InstanceScale.serve(gateway, "DescribeRegions", "", "us-east-1");
                    reference.add((System.nanoTime() - start) / 1e6);
                    start = System.nanoTime();
                    costAndUsage(gateway, query);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                double referenceMillis = Statistics.median(reference);
                double queryMillis = Statistics.median(millis);
                return new Report(NAME, "GetCostAndUsage over a month of 10,000 instances, server time at the gateway"
                        + " (in-process), medians of " + CALLS + " after " + WARM_UP + " warm-up calls")
                        .figure("reference_describe_regions_ms", "DescribeRegions (reference)", referenceMillis, "ms", "")
                        .figure("cost_and_usage_month_ms", "GetCostAndUsage, 30 days DAILY by USAGE_TYPE", queryMillis,
                                "ms", String.format(java.util.Locale.ROOT, "%.0f x the reference", queryMillis
                                        / referenceMillis))
                        .check("groups", "30 days of the usage types' groups answered", groups >= DAYS * 3,
                                groups + " groups")
                        .target("cost_target", "GetCostAndUsage <= 200 ms", queryMillis <= 200, "");
            }
        }
    }

    private static String image(Gateway gateway) {
        WireResponse response = InstanceScale.serve(gateway, "DescribeImages", "Owner.1=amazon&Filter.1.Name=name"
                + "&Filter.1.Value.1=debian-12-amd64-*", "us-east-1");
        Matcher image = Pattern.compile("<imageId>(ami-[0-9a-f]+)</imageId>")
                .matcher(new String(response.body(), StandardCharsets.UTF_8));
        if (!image.find()) {
            throw new IllegalStateException("no Debian 12 image");
        }
        return image.group(1);
    }

    private static LocalDate today(Gateway gateway) {
        WireResponse health = gateway.handle(new WireRequest("GET", "/_gureum/health", "", Map.of(), new byte[0]));
        Matcher now = Pattern.compile("\"now\":\"(\\d{4}-\\d{2}-\\d{2})").matcher(new String(health.body(),
                StandardCharsets.UTF_8));
        if (!now.find()) {
            throw new IllegalStateException("the health endpoint tells no time");
        }
        return LocalDate.parse(now.group(1)).atStartOfDay(ZoneOffset.UTC).toLocalDate();
    }

    private static void advance(Gateway gateway, long seconds) {
        WireResponse response = gateway.handle(new WireRequest("POST", "/_gureum/clock/advance", "seconds=" + seconds,
                Map.of(), new byte[0]));
        InstanceScale.requireOk("clock advance", response);
    }

    private static String costAndUsage(Gateway gateway, String json) {
        Map<String, List<String>> headers = Map.of("authorization", List.of("AWS4-HMAC-SHA256 Credential=000000000000/"
                        + "20261129/us-east-1/ce/aws4_request, SignedHeaders=host, Signature=0"),
                "x-amz-target", List.of("AWSInsightsIndexService.GetCostAndUsage"),
                "content-type", List.of("application/x-amz-json-1.1"));
        WireResponse response = gateway.handle(new WireRequest("POST", "/", "", headers,
                json.getBytes(StandardCharsets.UTF_8)));
        InstanceScale.requireOk("GetCostAndUsage", response);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
