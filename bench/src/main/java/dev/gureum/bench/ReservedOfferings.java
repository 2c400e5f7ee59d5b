package dev.gureum.bench;

import dev.gureum.protocol.http.WireResponse;
import dev.gureum.server.GureumServer;
import dev.gureum.server.ServeOptions;
import dev.gureum.server.gateway.Gateway;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server time of DescribeReservedInstancesOfferings' first page, measured in-process at the gateway
 * (decode, computing the offerings, encode; no HTTP), in this JVM: for one type in a region (m7i.large in
 * us-east-1: every offering of the type, 84, on one page) and for the whole region (the first 100 of
 * about 35,000, computed page by page, never stored). The reference in the same run is DescribeRegions
 * through the same gateway. Each figure is the median of {@value #CALLS} calls after {@value #WARM_UP}
 * warm-up calls of each.
 */
final class ReservedOfferings implements Benchmark {
    static final String NAME = "ri-offerings";
    private static final int WARM_UP = 2000;
    private static final int CALLS = 500;
    private static final Pattern OFFERING = Pattern.compile("<reservedInstancesOfferingId>");
    private static final String ONE_TYPE = "InstanceType=m7i.large";

    @Override
    public Report run() throws Exception {
        try (Workspace workspace = Workspace.create(NAME)) {
            ServeOptions options = ServeOptions.parse(new String[] {"--port", "0", "--data-dir",
                    workspace.directory().resolve("data").toString(), "--auth", "any"}, Map.of());
            try (GureumServer server = GureumServer.start(options)) {
                Gateway gateway = server.gateway();
                long coldStart = System.nanoTime();
                int typeCount = count(call(gateway, ONE_TYPE));
                double coldMillis = (System.nanoTime() - coldStart) / 1e6;
                int regionCount = count(call(gateway, ""));
                for (int i = 0; i < WARM_UP; i++) {
                    call(gateway, ONE_TYPE);
                    call(gateway, "");
                    InstanceScale.serve(gateway, "DescribeRegions", "", "us-east-1");
                }
                double reference = median(gateway, "DescribeRegions", "");
                double oneType = median(gateway, "DescribeReservedInstancesOfferings", ONE_TYPE);
                double wholeRegion = median(gateway, "DescribeReservedInstancesOfferings", "");
                return new Report(NAME, "DescribeReservedInstancesOfferings first page, server time at the gateway"
                        + " (in-process), medians of " + CALLS + " after " + WARM_UP + " warm-up calls")
                        .figure("reference_describe_regions_ms", "DescribeRegions (reference)", reference, "ms", "")
                        .figure("offerings_one_type_ms", "first page for m7i.large in us-east-1 (" + typeCount
                                + " offerings)", oneType, "ms", ratio(oneType, reference))
                        .figure("offerings_region_ms", "first page for the whole region (" + regionCount
                                + " offerings)", wholeRegion, "ms", ratio(wholeRegion, reference))
                        .figure("offerings_first_call_ms", "the very first call (cold: catalogs loaded, JIT off)",
                                coldMillis, "ms", "one call")
                        .check("offering_counts", "84 offerings for the type, 100 on the region's first page",
                                typeCount == 84 && regionCount == 100, "")
                        .target("offerings_target", "first page for a type in a region <= 5 ms", oneType <= 5.0, "");
            }
        }
    }

    private static String call(Gateway gateway, String parameters) {
        WireResponse response = InstanceScale.serve(gateway, "DescribeReservedInstancesOfferings", parameters,
                "us-east-1");
        InstanceScale.requireOk("DescribeReservedInstancesOfferings", response);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static double median(Gateway gateway, String action, String parameters) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            WireResponse response = InstanceScale.serve(gateway, action, parameters, "us-east-1");
            millis.add((System.nanoTime() - start) / 1e6);
            InstanceScale.requireOk(action, response);
        }
        return Statistics.median(millis);
    }

    private static int count(String xml) {
        Matcher matcher = OFFERING.matcher(xml);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String ratio(double millis, double reference) {
        return String.format(java.util.Locale.ROOT, "%.1f x the reference", millis / reference);
    }
}
