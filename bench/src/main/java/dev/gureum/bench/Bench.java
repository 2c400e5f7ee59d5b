package dev.gureum.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ./gureum bench [--runs N] [--duration SECONDS] [names…]}: runs the named benchmarks, or all of
 * them, one after the other, and prints each one's table and RESULT lines. The exit status is 1 when a
 * benchmark failed or one of its checks did not hold; a missed target is reported, not a failure.
 */
public final class Bench {
    private static final String USAGE = """
            usage: gureum bench [--runs N] [--duration SECONDS] [cold-start] [throughput] [instances] [alarms]
                                [metrics] [ri-offerings] [cost-explorer] [metering] [sandbox]
              cold-start    spawn to first signed answer, against a hello-world JVM (--runs, default 11)
              throughput    wrk on Gureum, against a static Netty responder, 3 alternating rounds each
                            of --duration seconds (default 5)
              instances     server time of RunInstances, DescribeInstances over 1,000 and 10,000, heap per
                            instance, against DescribeRegions in the same run
              alarms        CPU of the alarm evaluator's rounds over 10,000 alarms on 1-minute periods, against
                            reading every alarm and its datapoints in the same run
              metrics       PutMetricData ingest in datapoints/s and GetMetricData of 100 series x 24 h,
                            against DescribeRegions and a one-datum PutMetricData in the same run
              ri-offerings  server time of DescribeReservedInstancesOfferings' first page for a type in a
                            region (computed offerings), against DescribeRegions in the same run
              cost-explorer GetCostAndUsage (DAILY, by usage type) over a month of 10,000 instances, against
                            DescribeRegions in the same run
              metering      stop and start of instances (100 a call, and one) with usage metered, against a
                            server with --metering off in the same JVM; then what that adds to a stop and
                            start of one real instance (root; skipped where the sandbox cannot run)
              sandbox       real instances (--runtime sandbox, root): RunInstances -> first ssh over 20 launches,
                            stop/start -> ssh, a launch of 10, idle memory, against ssh to a running instance;
                            skipped where the sandbox cannot run
            """;

    private Bench() {
    }

    public static void main(String[] args) {
        int runs = 11;
        Duration roundDuration = Duration.ofSeconds(5);
        List<String> names = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(value(args, ++i));
                    case "--duration" -> roundDuration = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> names.add(args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            usageError(e.getMessage());
        }
        int finalRuns = runs;
        Duration finalRoundDuration = roundDuration;
        Map<String, Supplier<Benchmark>> all = new LinkedHashMap<>();
        all.put(ColdStart.NAME, () -> new ColdStart(finalRuns));
        all.put(Throughput.NAME, () -> new Throughput(finalRoundDuration));
        all.put(InstanceScale.NAME, InstanceScale::new);
        all.put(AlarmRounds.NAME, AlarmRounds::new);
        all.put(MetricScale.NAME, MetricScale::new);
        all.put(CostExplorerScale.NAME, CostExplorerScale::new);
        all.put(ReservedOfferings.NAME, ReservedOfferings::new);
        all.put(MeteringShare.NAME, MeteringShare::new);
        all.put(SandboxLaunches.NAME, SandboxLaunches::new);
        if (names.isEmpty()) {
            names.addAll(all.keySet());
        }
        for (String name : names) {
            if (!all.containsKey(name)) {
                usageError("unknown benchmark '" + name + "'");
            }
        }
        System.out.println("gureum-bench: " + Machine.describe());
        boolean failed = false;
        for (String name : names) {
            try {
                Report report = all.get(name).get().run();
                report.print(System.out);
                failed |= !report.checksPassed();
            } catch (Exception e) {
                failed = true;
                System.out.println();
                System.out.println(name + ": FAILED: " + e);
                System.out.println("RESULT " + name + " failed true -");
                e.printStackTrace();
            }
        }
        System.exit(failed ? 1 : 0);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static void usageError(String message) {
        System.err.println("gureum bench: " + message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
