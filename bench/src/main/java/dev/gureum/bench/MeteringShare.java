package dev.gureum.bench;

import com.sun.management.ThreadMXBean;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.server.GureumServer;
import dev.gureum.server.ServeOptions;
import dev.gureum.server.gateway.Gateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What metering adds to a lifecycle transition: two servers in this JVM, one metering usage and one started
 * with {@code --metering off}, each with running t3.micro instances (and so as many public addresses and root
 * volumes), take turns stopping and starting them. A cycle is one StopInstances and one StartInstances of the same
 * instances; the simulated runtime reports each transition before the call returns, so a cycle holds its
 * transitions' whole work. Two shapes of call: 100 instances a call (1,000 in all), where a call's own costs are
 * spread thin, and one a call (200 in all), as the SDKs and Terraform stop and start an instance. The servers'
 * cycles alternate (the metered one first and second in turn), and the share is the median over these pairs of
 * what the metered cycle took more, by the CPU time of the threads a transition runs on (less moved than wall time
 * by other work on the machine) and by wall time: a pair of cycles a few milliseconds apart shares its moment's
 * load. Beside it, the share by the sums of all cycles, which also holds the rare costs a median passes over (a
 * compaction of the store). The target is judged on both shapes. Then, where the sandbox runtime can run, what
 * metering added to the one-a-call cycle is set against a real instance's stop and start ({@link SandboxCycles}),
 * the transition it adds to on the runtime that makes instances real, judged as a target of its own.
 */
final class MeteringShare implements Benchmark {
    static final String NAME = "metering";
    private static final int WARM_UP_ROUNDS = 10;
    private static final int ROUNDS = 101;

    /** How many instances each server runs, and how many of them one call stops or starts. */
    private record Shape(String name, int instances, int perCall) {
    }

    private static final Shape BATCHED = new Shape("batched", 1_000, 100);
    private static final Shape SINGLE = new Shape("single", 200, 1);

    @Override
    public Report run() throws Exception {
        Report report = new Report(NAME, "stop and start of 100 instances a call, and of one, metered against"
                + " --metering off in the same JVM, pairs of cycles taken in turn");
        double batched = measure(BATCHED, report, "", "200 transitions in 2 calls").cpuShare();
        ShapeResult single = measure(SINGLE, report, "single_", "2 transitions in 2 calls");
        report.target("metering_target", "metering adds <= 2 % to a transition (CPU), 100 a call and one",
                batched <= 2.0 && single.cpuShare() <= 2.0, "simulated runtime");
        try (Workspace workspace = Workspace.create(NAME + "-sandbox")) {
            SandboxCycles.Result real = sandboxCycles(workspace);
            if (!real.measured()) {
                return report.unmeasured("sandbox_cycle_cpu_ms", "stop and start of one real instance", real.skipped());
            }
            double share = 100 * single.addedCpuMicros() / (real.cpuPerCycle().toNanos() / 1e3);
            return report.figure("sandbox_cycle_cpu_ms", "stop and start of one real instance (--runtime sandbox),"
                                    + " CPU of the server and its commands", real.cpuPerCycle().toNanos() / 1e6, "ms",
                            real.cycles() + " cycles, " + String.format(Locale.ROOT, "%.2f",
                                    real.wallPerCycle().toNanos() / 1e9) + " s each")
                    .figure("sandbox_metering_share_pct", "what metering adds to it (one a call's added CPU, above)",
                            share, "%", String.format(Locale.ROOT, "%.1f us of %.1f ms",
                                    single.addedCpuMicros(), real.cpuPerCycle().toNanos() / 1e6))
                    .target("sandbox_metering_target", "metering adds <= 2 % to a real instance's transition (CPU)",
                            share <= 2.0, "sandbox runtime");
        }
    }

    /**
     * The sandbox cycles, or why they could not be measured: a host that cannot run sandboxes, or a sandbox server
     * that could not start or run (another holds the host, say), leaves the simulated figures standing.
     */
    private static SandboxCycles.Result sandboxCycles(Workspace workspace) throws InterruptedException {
        try {
            return SandboxCycles.measure(workspace);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new SandboxCycles.Result(null, null, 0, "the sandbox cycles failed: " + e.getMessage());
        }
    }

    /** A shape's CPU share, and what metering added to a cycle in microseconds (the median over the pairs). */
    private record ShapeResult(double cpuShare, double addedCpuMicros) {
    }

    /** Runs one shape, adds its figures to {@code report} under {@code prefix}, and answers its CPU share. */
    private static ShapeResult measure(Shape shape, Report report, String prefix, String cycleNote) throws Exception {
        try (Workspace workspace = Workspace.create(NAME + "-" + shape.name());
             GureumServer meteredServer = start(workspace, "metered", "on");
             GureumServer unmeteredServer = start(workspace, "unmetered", "off");
             Caller metered = new Caller("metered-caller", meteredServer.gateway(), store(workspace, "metered"),
                     shape);
             Caller unmetered = new Caller("unmetered-caller", unmeteredServer.gateway(),
                     store(workspace, "unmetered"), shape)) {
            int batches = shape.instances() / shape.perCall();
            for (int i = 0; i < WARM_UP_ROUNDS * batches; i++) {
                metered.cycle(i % batches);
                unmetered.cycle(i % batches);
            }
            List<Cycle> withMetering = new ArrayList<>();
            List<Cycle> without = new ArrayList<>();
            for (int i = 0; i < ROUNDS * batches; i++) {
                if (i % 2 == 0) {
                    withMetering.add(metered.cycle(i % batches));
                    without.add(unmetered.cycle(i % batches));
                } else {
                    without.add(unmetered.cycle(i % batches));
                    withMetering.add(metered.cycle(i % batches));
                }
            }
            double cpuShare = medianShare(withMetering, without, Cycle::cpuMillis);
            String calls = shape.perCall() + " a call, " + withMetering.size() + " pairs";
            report.figure(prefix + "unmetered_cycle_cpu_us", "cycle without metering (reference), CPU, " + calls,
                            1000 * Statistics.median(figureOf(without, Cycle::cpuMillis)), "us", cycleNote)
                    .figure(prefix + "metered_cycle_cpu_us", "cycle with metering, CPU",
                            1000 * Statistics.median(figureOf(withMetering, Cycle::cpuMillis)), "us", "")
                    .figure(prefix + "metering_share_cpu_pct", "what metering adds, CPU (median of pairs)", cpuShare,
                            "%", "")
                    .figure(prefix + "metering_share_cpu_sums_pct", "what metering adds, CPU (sums of all cycles)",
                            sumShare(withMetering, without, Cycle::cpuMillis), "%", "")
                    .figure(prefix + "metering_share_wall_pct", "what metering adds, wall (median of pairs)",
                            medianShare(withMetering, without, Cycle::wallMillis), "%", "")
                    .figure(prefix + "metering_share_allocated_pct",
                            "what metering adds, bytes allocated (median of pairs)",
                            medianShare(withMetering, without, Cycle::allocatedBytes), "%", "")
                    .figure(prefix + "metering_share_logged_pct", "what metering adds, bytes written to the log"
                                    + " (median)", medianShare(logged(withMetering, without), logged(without, withMetering),
                                    Cycle::loggedBytes), "%", "pairs without a compaction");
            return new ShapeResult(cpuShare, 1000 * medianDifference(withMetering, without, Cycle::cpuMillis));
        }
    }

    /** The store directory of the server {@code name}. */
    private static Path store(Workspace workspace, String name) {
        return workspace.directory().resolve(name).resolve("store");
    }

    /** The cycles of {@code cycles} whose pair logged without a compaction in either cycle. */
    private static List<Cycle> logged(List<Cycle> cycles, List<Cycle> others) {
        List<Cycle> kept = new ArrayList<>();
        for (int i = 0; i < cycles.size(); i++) {
            if (cycles.get(i).loggedBytes() > 0 && others.get(i).loggedBytes() > 0) {
                kept.add(cycles.get(i));
            }
        }
        return kept;
    }

    private static GureumServer start(Workspace workspace, String name, String metering) {
        return GureumServer.start(ServeOptions.parse(new String[] {"--port", "0", "--data-dir",
                workspace.directory().resolve(name).toString(), "--auth", "any", "--metering", metering,
                "--max-instances", "2000", "--zone-capacity-vcpus", "100000000"}, Map.of()));
    }

    /** Launches the shape's instances in batches of a call's count and answers each batch's ids. */
    private static List<List<String>> launch(Gateway gateway, Shape shape) {
        String image = firstImage(gateway);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < shape.instances() / shape.perCall(); i++) {
            String answer = text(call(gateway, "RunInstances", "ImageId=" + image + "&InstanceType=t3.micro&MinCount="
                    + shape.perCall() + "&MaxCount=" + shape.perCall()));
            batches.add(InstanceScale.instanceIds(answer));
        }
        return batches;
    }

    /** One cycle's figures; {@code loggedBytes} is what the log grew by, or -1 when a compaction began a new one. */
    private record Cycle(double cpuMillis, double wallMillis, double allocatedBytes, double loggedBytes) {
    }

    /**
     * One server's caller: its own thread, named for the server, makes every cycle's calls (the launch is made
     * from the benchmark's thread), so a profile of the benchmark tells the metered server's work from the
     * other's. A cycle's CPU is the caller thread's (which handles the call, commits alone when no one else does
     * and hears the simulated runtime's reports) and the stores' writers', read by thread id so that reading it
     * costs the cycle next to nothing. The servers' schedulers (the metric publisher's minute, the Spot market's
     * five minutes) are not a transition's cost, and would land in whichever cycle they fall in.
     */
    private static final class Caller implements AutoCloseable {
        private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        private final Gateway gateway;
        private final ExecutorService thread;
        private final List<List<String>> batches;
        private final long[] writers;
        private final Path store;

        Caller(String name, Gateway gateway, Path store, Shape shape) {
            this.gateway = gateway;
            this.store = store;
            this.thread = Executors.newSingleThreadExecutor(task -> new Thread(task, name));
            this.batches = launch(gateway, shape);
            this.writers = Thread.getAllStackTraces().keySet().stream()
                    .filter(writer -> writer.getName().startsWith("gureum-store-writer")).mapToLong(Thread::threadId)
                    .toArray();
        }

        Cycle cycle(int batch) throws Exception {
            return thread.submit(() -> cycleHere(batches.get(batch))).get();
        }

        private Cycle cycleHere(List<String> batch) {
            Path log = currentLog();
            long logged = size(log);
            long cpu = cpuNanos();
            long allocated = allocatedBytes();
            long start = System.nanoTime();
            call(gateway, "StopInstances", InstanceScale.idParameters(batch));
            call(gateway, "StartInstances", InstanceScale.idParameters(batch));
            long wall = System.nanoTime() - start;
            double cpuMillis = (cpuNanos() - cpu) / 1e6;
            long allocatedBytes = allocatedBytes() - allocated;
            double loggedBytes = log.equals(currentLog()) ? size(log) - logged : -1;
            return new Cycle(cpuMillis, wall / 1e6, allocatedBytes, loggedBytes);
        }

        /** The log the store appends to: the one of the newest generation. */
        private Path currentLog() {
            try (Stream<Path> files = Files.list(store)) {
                return files.filter(file -> file.getFileName().toString().startsWith("log-")).max(Path::compareTo)
                        .orElseThrow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private long cpuNanos() {
            long nanos = THREADS.getCurrentThreadCpuTime();
            for (long writer : writers) {
                nanos += Math.max(0, THREADS.getThreadCpuTime(writer));
            }
            return nanos;
        }

        /** What the same threads allocated so far: a measure of work that the machine's load does not move. */
        private long allocatedBytes() {
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            for (long writer : writers) {
                bytes += Math.max(0, THREADS.getThreadAllocatedBytes(writer));
            }
            return bytes;
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    private static List<Double> figureOf(List<Cycle> cycles, ToDoubleFunction<Cycle> figure) {
        return cycles.stream().map(figure::applyAsDouble).toList();
    }

    /**
     * The median over the pairs of cycles (each metered cycle with the unmetered one next to it, taken first and
     * second in turn) of what the metered one took more, in per cent: a pair shares the machine's load of its
     * moment, which a ratio of two medians would not (on a busy virtual machine a thread's CPU time counts what
     * the host takes from it).
     */
    private static double medianShare(List<Cycle> metered, List<Cycle> unmetered, ToDoubleFunction<Cycle> figure) {
        List<Double> ratios = new ArrayList<>(metered.size());
        for (int i = 0; i < metered.size(); i++) {
            ratios.add((figure.applyAsDouble(metered.get(i)) / figure.applyAsDouble(unmetered.get(i)) - 1) * 100);
        }
        return Statistics.median(ratios);
    }

    /** The median over the pairs of cycles of what the metered one took more, in the figure's own unit. */
    private static double medianDifference(List<Cycle> metered, List<Cycle> unmetered, ToDoubleFunction<Cycle> figure) {
        List<Double> differences = new ArrayList<>(metered.size());
        for (int i = 0; i < metered.size(); i++) {
            differences.add(figure.applyAsDouble(metered.get(i)) - figure.applyAsDouble(unmetered.get(i)));
        }
        return Statistics.median(differences);
    }

    /** What the metered cycles took more in all, in per cent. */
    private static double sumShare(List<Cycle> metered, List<Cycle> unmetered, ToDoubleFunction<Cycle> figure) {
        double with = metered.stream().mapToDouble(figure).sum();
        double without = unmetered.stream().mapToDouble(figure).sum();
        return (with / without - 1) * 100;
    }

    private static String firstImage(Gateway gateway) {
        Matcher image = Pattern.compile("<imageId>(ami-[0-9a-f]+)</imageId>").matcher(text(call(gateway,
                "DescribeImages", "Owner.1=amazon&Filter.1.Name=name&Filter.1.Value.1=debian-12-amd64-*")));
        if (!image.find()) {
            throw new IllegalStateException("no Debian 12 image");
        }
        return image.group(1);
    }

    private static WireResponse call(Gateway gateway, String action, String parameters) {
        WireResponse response = InstanceScale.serve(gateway, action, parameters, "us-east-1");
        InstanceScale.requireOk(action, response);
        return response;
    }

    private static String text(WireResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
