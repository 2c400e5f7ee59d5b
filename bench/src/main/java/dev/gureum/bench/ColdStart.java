package dev.gureum.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * cold-start: the wall time from spawning the server JVM, as {@code ./gureum serve} does, until it answers a
 * SigV4-signed {@code DescribeRegions} with 200. The request is signed before the clock starts and polled
 * with a raw socket, so only the server's own start is timed; the CPU time the server spent by then is
 * reported too, since it is what a busy machine stretches. The first run records the class data archive
 * and is reported apart. The reference, run alternately in the same loop, is a JVM that prints one line:
 * the figure that matters is the ratio between the two medians.
 */
final class ColdStart implements Benchmark {
    static final String NAME = "cold-start";
    private static final double TARGET_SECONDS = 1.0;

    private final int runs;

    ColdStart(int runs) {
        if (runs < 2) {
            throw new IllegalArgumentException("cold-start needs at least 2 runs (the first records the archive)");
        }
        this.runs = runs;
    }

    @Override
    public Report run() throws Exception {
        try (Workspace workspace = Workspace.create(NAME)) {
            Path archive = workspace.directory().resolve("gureum.jsa");
            ServerStart firstGureum = serverStart(workspace, archive, 0);
            double firstHello = helloStart(workspace);
            boolean archiveWritten = Files.isRegularFile(archive) && Files.size(archive) > 0;
            FileTime archiveWrittenAt = archiveWritten ? Files.getLastModifiedTime(archive) : null;
            List<Double> gureum = new ArrayList<>();
            List<Double> gureumCpu = new ArrayList<>();
            List<Double> hello = new ArrayList<>();
            for (int run = 1; run < runs; run++) {
                hello.add(helloStart(workspace));
                ServerStart start = serverStart(workspace, archive, run);
                gureum.add(start.seconds());
                gureumCpu.add(start.cpuSeconds());
            }
            boolean archiveReused = archiveWritten && Files.getLastModifiedTime(archive).equals(archiveWrittenAt);
            double gureumMedian = Statistics.median(gureum);
            double helloMedian = Statistics.median(hello);
            String measured = "runs 2-" + runs;
            return new Report(NAME, "spawn to first signed DescribeRegions answered 200")
                    .figure("gureum-first-run", "Gureum, first run (records the archive)", firstGureum.seconds(), "s", "run 1")
                    .figure("gureum-median", "Gureum median", gureumMedian, "s", measured)
                    .figure("gureum-p90", "Gureum p90", Statistics.percentile(gureum, 90), "s", measured)
                    .figure("gureum-cpu-median", "Gureum CPU time until the answer, median", Statistics.median(gureumCpu),
                            "s", "all threads (JIT, GC included)")
                    .figure("hello-first-run", "reference JVM (hello), first run", firstHello, "s", "run 1")
                    .figure("hello-median", "reference JVM (hello) median", helloMedian, "s", measured)
                    .figure("hello-p90", "reference JVM (hello) p90", Statistics.percentile(hello, 90), "s", measured)
                    .figure("median-ratio", "Gureum / reference, medians", gureumMedian / helloMedian, "x", "")
                    .check("archive-written", "class data archive written by run 1", archiveWritten,
                            "later runs start from it, as with ./gureum serve")
                    .check("archive-reused", "archive valid for runs 2-" + runs, archiveReused,
                            "none of them had to record it again")
                    .target("target-met", "target: Gureum median < " + TARGET_SECONDS + " s",
                            gureumMedian < TARGET_SECONDS, "");
        }
    }

    /** Wall time from spawn to the first 200 answer, and the CPU time the server had spent by then. */
    private record ServerStart(double seconds, double cpuSeconds) {
    }

    /** Starts a server, times its first answer, then stops it and deletes its data. */
    private static ServerStart serverStart(Workspace workspace, Path archive, int run) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        byte[] request = SignedRequest.describeRegions(port).toBytes();
        long started = System.nanoTime();
        try (ServerProcess server = ServerProcess.spawn(workspace, ServerProcess.sharedArchiveOptions(archive), port, "run-" + (run + 1))) {
            server.awaitAnswer(request);
            double elapsed = seconds(System.nanoTime() - started);
            return new ServerStart(elapsed, seconds(CpuTime.of(server.handle()).toNanos()));
        }
    }

    /** Seconds from spawn to the reference JVM's line of output. */
    private static double helloStart(Workspace workspace) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Locations.javaExecutable().toString(),
                "-cp", Locations.benchClassPath().toString(), HelloWorld.class.getName()).redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = workspace.start(builder);
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = output.readLine();
            long elapsed = System.nanoTime() - started;
            if (!"hello".equals(line)) {
                throw new IllegalStateException("the reference JVM printed " + line + " instead of hello");
            }
            process.waitFor();
            return seconds(elapsed);
        } finally {
            workspace.stop(process);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
