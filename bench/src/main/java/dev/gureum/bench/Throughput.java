package dev.gureum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * throughput: wrk sends the same SigV4-signed {@code DescribeRegions} over keep-alive connections to a
 * Gureum server (its own JVM, strict authentication, so every request is verified) and to a static Netty
 * responder, in this JVM, that answers Gureum's recorded bytes. After a warm-up of each (so the JIT has
 * compiled the hot path) the two are measured in alternating rounds, so that load from other work on a
 * shared machine falls on both alike. The ratio of the request rates is Gureum's share of a bare HTTP
 * server; CPU time per request, which contention disturbs less, is reported beside it.
 */
final class Throughput implements Benchmark {
    static final String NAME = "throughput";
    private static final double TARGET_RATIO = 0.5;
    private static final int THREADS = 2;
    private static final int CONNECTIONS = 32;
    private static final int ROUNDS = 3;
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    /** A server under load: its port and the process whose CPU time it spends. */
    private record Target(int port, ProcessHandle process) {
    }

    private final Duration roundDuration;
    private final Wrk wrk = new Wrk(THREADS, CONNECTIONS);

    Throughput(Duration roundDuration) {
        this.roundDuration = roundDuration;
    }

    @Override
    public Report run() throws Exception {
        try (Workspace workspace = Workspace.create(NAME)) {
            int port = ServerProcess.freePort();
            try (ServerProcess gureum = ServerProcess.spawn(workspace, List.of(), port, "gureum")) {
                HttpExchange.Response recorded = gureum.awaitAnswer(SignedRequest.describeRegions(port).toBytes());
                try (StaticResponder responder = StaticResponder.start(recorded)) {
                    HttpExchange.Response copy = HttpExchange.send(responder.port(),
                            SignedRequest.describeRegions(responder.port()).toBytes(), Duration.ofSeconds(10));
                    boolean identical = Arrays.equals(recorded.raw(), copy.raw());
                    Target server = new Target(port, gureum.handle());
                    Target yardstick = new Target(responder.port(), ProcessHandle.current());
                    round(workspace, server, WARM_UP);
                    round(workspace, yardstick, WARM_UP);
                    List<LoadSummary.Round> serverRounds = new ArrayList<>();
                    List<LoadSummary.Round> yardstickRounds = new ArrayList<>();
                    for (int i = 0; i < ROUNDS; i++) {
                        serverRounds.add(round(workspace, server, roundDuration));
                        yardstickRounds.add(round(workspace, yardstick, roundDuration));
                    }
                    return report(serverRounds, yardstickRounds, identical, recorded.raw().length);
                }
            }
        }
    }

    /** One wrk run with a request signed just before it, and the server's CPU time during it. */
    private LoadSummary.Round round(Workspace workspace, Target target, Duration duration)
            throws IOException, InterruptedException {
        Path script = workspace.directory().resolve("describe-regions-" + target.port() + ".lua");
        Files.writeString(script, SignedRequest.describeRegions(target.port()).toWrkScript());
        Duration cpuBefore = CpuTime.of(target.process());
        Wrk.Result load = wrk.run(workspace, script, target.port(), duration);
        return new LoadSummary.Round(load, CpuTime.of(target.process()).minus(cpuBefore));
    }

    private Report report(List<LoadSummary.Round> serverRounds, List<LoadSummary.Round> yardstickRounds,
                          boolean identical, int responseBytes) {
        LoadSummary gureum = LoadSummary.of(serverRounds);
        LoadSummary yardstick = LoadSummary.of(yardstickRounds);
        double ratio = gureum.requestsPerSecond() / yardstick.requestsPerSecond();
        List<Double> roundRatios = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            roundRatios.add(serverRounds.get(i).load().requestsPerSecond() / yardstickRounds.get(i).load().requestsPerSecond());
        }
        String load = "wrk -t" + THREADS + " -c" + CONNECTIONS + " -d" + roundDuration.toSeconds() + "s";
        return new Report(NAME, "signed DescribeRegions over keep-alive, " + ROUNDS + " alternating rounds of "
                + load + " per server, after a " + WARM_UP.toSeconds() + " s warm-up of each")
                .figure("gureum-requests-per-second", "Gureum", gureum.requestsPerSecond(), "req/s",
                        gureum.requests() + " requests")
                .figure("static-requests-per-second", "static responder", yardstick.requestsPerSecond(), "req/s",
                        yardstick.requests() + " requests")
                .figure("ratio", "Gureum / static responder", ratio, "x",
                        String.format(Locale.ROOT, "rounds %.2f to %.2f", Collections.min(roundRatios), Collections.max(roundRatios)))
                .figure("gureum-p50", "Gureum latency p50", gureum.medianMillis(), "ms", "median of the rounds")
                .figure("gureum-p99", "Gureum latency p99", gureum.worstP99Millis(), "ms", "worst round")
                .figure("static-p50", "static responder latency p50", yardstick.medianMillis(), "ms", "median of the rounds")
                .figure("static-p99", "static responder latency p99", yardstick.worstP99Millis(), "ms", "worst round")
                .figure("gureum-cpu-per-request", "Gureum CPU per request", gureum.cpuMicrosPerRequest(), "us",
                        "server process, all threads")
                .figure("static-cpu-per-request", "static responder CPU per request", yardstick.cpuMicrosPerRequest(),
                        "us", "benchmark process, all threads")
                .figure("cpu-ratio", "Gureum / static responder, CPU per request",
                        gureum.cpuMicrosPerRequest() / yardstick.cpuMicrosPerRequest(), "x", "")
                .check("identical-response", "static responder returns Gureum's bytes", identical,
                        responseBytes + " bytes, headers included")
                .check("all-200", "every answer 200 (wrk non-2xx/3xx = 0)",
                        gureum.notSuccessful() == 0 && yardstick.notSuccessful() == 0,
                        "Gureum " + gureum.notSuccessful() + ", static " + yardstick.notSuccessful())
                .check("no-socket-errors", "no socket errors or timeouts",
                        gureum.socketErrors() == 0 && yardstick.socketErrors() == 0,
                        "Gureum " + gureum.socketErrors() + ", static " + yardstick.socketErrors())
                .target("target-met", "target: ratio >= " + TARGET_RATIO, ratio >= TARGET_RATIO, "");
    }
}
