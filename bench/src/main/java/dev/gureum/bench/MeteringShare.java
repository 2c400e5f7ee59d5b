package dev.gureum.bench;

import dev.gureum.protocol.http.WireResponse;
import dev.gureum.server.GureumServer;
import dev.gureum.server.ServeOptions;
import dev.gureum.server.gateway.Gateway;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What metering adds to a lifecycle transition: two servers in this JVM, one metering usage and one started
 * with {@code --metering off}, each with 1,000 running t3.micro instances (and so 1,000 public addresses and
 * root volumes), take turns stopping and starting all of them, 100 per call. A round is 10 StopInstances and
 * 10 StartInstances; the simulated runtime reports each transition before the call returns, so a round
 * holds every transition's whole work. The share is the median over pairs of rounds taken one after the other of
 * what the metered round took more, by the CPU time of Java threads (less moved than wall time by other work on
 * the machine) and by wall time.
 */
final class MeteringShare implements Benchmark {
    static final String NAME = "metering";
    private static final int INSTANCES = 1_000;
    private static final int PER_CALL = 100;
    private static final int WARM_UP_ROUNDS = 10;
    private static final int ROUNDS = 101;
    private static final Pattern INSTANCE_ID = Pattern.compile("<instanceId>(i-[0-9a-f]+)</instanceId>");

    @Override
    public Report run() throws Exception {
        try (Workspace workspace = Workspace.create(NAME);
             GureumServer meteredServer = start(workspace, "metered", "on");
             GureumServer unmeteredServer = start(workspace, "unmetered", "off");
             Caller metered = new Caller("metered-caller", meteredServer.gateway());
             Caller unmetered = new Caller("unmetered-caller", unmeteredServer.gateway())) {
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                metered.round();
                unmetered.round();
            }
            List<Double> meteredCpu = new ArrayList<>();
            List<Double> meteredWall = new ArrayList<>();
            List<Double> unmeteredCpu = new ArrayList<>();
            List<Double> unmeteredWall = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                boolean meteredFirst = i % 2 == 0;
                Round early = meteredFirst ? metered.round() : unmetered.round();
                Round late = meteredFirst ? unmetered.round() : metered.round();
                Round withMetering = meteredFirst ? early : late;
                Round without = meteredFirst ? late : early;
                meteredCpu.add(withMetering.cpuMillis());
                meteredWall.add(withMetering.wallMillis());
                unmeteredCpu.add(without.cpuMillis());
                unmeteredWall.add(without.wallMillis());
            }
            double cpuShare = share(meteredCpu, unmeteredCpu);
            double wallShare = share(meteredWall, unmeteredWall);
            return new Report(NAME, "stop and start of 1,000 instances, metered against --metering off in the same JVM,"
                    + " pairs of rounds taken in turn, medians of " + ROUNDS)
                    .figure("unmetered_round_cpu_ms", "round without metering (reference), CPU of its threads",
                            Statistics.median(unmeteredCpu), "ms", "2,000 transitions in 20 calls")
                    .figure("metered_round_cpu_ms", "round with metering, CPU of its threads",
                            Statistics.median(meteredCpu), "ms", "")
                    .figure("unmetered_round_ms", "round without metering, wall", Statistics.median(unmeteredWall), "ms",
                            "")
                    .figure("metered_round_ms", "round with metering, wall", Statistics.median(meteredWall), "ms", "")
                    .figure("metering_share_cpu_pct", "what metering adds, CPU", cpuShare, "%", "")
                    .figure("metering_share_wall_pct", "what metering adds, wall", wallShare, "%", "")
                    .target("metering_target", "metering adds <= 2 % to a transition (CPU)", cpuShare <= 2.0, "");
        }
    }

    private static GureumServer start(Workspace workspace, String name, String metering) {
        return GureumServer.start(ServeOptions.parse(new String[] {"--port", "0", "--data-dir",
                workspace.directory().resolve(name).toString(), "--auth", "any", "--metering", metering,
                "--max-instances", "2000", "--zone-capacity-vcpus", "100000000"}, Map.of()));
    }

    /** Launches the instances in batches of 100 and answers each batch's ids. */
    private static List<List<String>> launch(Gateway gateway) {
        String image = firstImage(gateway);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < INSTANCES / PER_CALL; i++) {
            String answer = text(call(gateway, "RunInstances", "ImageId=" + image + "&InstanceType=t3.micro&MinCount="
                    + PER_CALL + "&MaxCount=" + PER_CALL));
            List<String> ids = new ArrayList<>();
            Matcher id = INSTANCE_ID.matcher(answer);
            while (id.find()) {
                ids.add(id.group(1));
            }
            batches.add(ids);
        }
        return batches;
    }

    private record Round(double cpuMillis, double wallMillis) {
    }

    /**
     * One server's caller: its own thread, named for the server, makes every round's calls (the launch is made
     * from the benchmark's thread), so a profile of the benchmark tells the metered server's work from the other's. A round's CPU is the
     * caller thread's (which handles the call, commits alone when no one else does and hears the simulated
     * runtime's reports) and the stores' writers'. The servers' schedulers (the metric publisher's minute, the
     * Spot market's five minutes) are not a transition's cost, and would land in whichever round they fall in.
     */
    private static final class Caller implements AutoCloseable {
        private final String name;
        private final Gateway gateway;
        private final ExecutorService thread;
        private final List<List<String>> batches;

        Caller(String name, Gateway gateway) {
            this.name = name;
            this.gateway = gateway;
            this.thread = Executors.newSingleThreadExecutor(task -> new Thread(task, name));
            this.batches = launch(gateway);
        }

        Round round() throws Exception {
            return thread.submit(this::roundHere).get();
        }

        private Round roundHere() {
            long cpu = CpuTime.javaThreadNanos(this::transitionThread);
            long start = System.nanoTime();
            for (List<String> batch : batches) {
                call(gateway, "StopInstances", ids(batch));
            }
            for (List<String> batch : batches) {
                call(gateway, "StartInstances", ids(batch));
            }
            return new Round((CpuTime.javaThreadNanos(this::transitionThread) - cpu) / 1e6,
                    (System.nanoTime() - start) / 1e6);
        }

        private boolean transitionThread(String threadName) {
            return threadName.equals(name) || threadName.startsWith("gureum-store-writer");
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    /**
     * The median over the pairs of rounds (each metered round with the unmetered one next to it, taken first and
     * second in turn) of what the
     * metered one took more: a pair shares the machine's load of its moment, which a ratio of the two medians
     * would not (on a busy virtual machine a thread's CPU time counts what the host takes from it).
     */
    private static double share(List<Double> metered, List<Double> unmetered) {
        List<Double> ratios = new ArrayList<>(metered.size());
        for (int i = 0; i < metered.size(); i++) {
            ratios.add((metered.get(i) / unmetered.get(i) - 1) * 100);
        }
        return Statistics.median(ratios);
    }

    private static String ids(List<String> batch) {
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < batch.size(); i++) {
            parameters.append(i == 0 ? "" : "&").append("InstanceId.").append(i + 1).append('=').append(batch.get(i));
        }
        return parameters.toString();
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
