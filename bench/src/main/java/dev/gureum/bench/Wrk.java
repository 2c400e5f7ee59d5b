package dev.gureum.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code wrk} load generator (keep-alive connections, a Lua script for the request) and reads
 * its report: requests per second, latency percentiles ({@code --latency}), non-2xx/3xx answers and
 * socket errors.
 */
final class Wrk {
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern NOT_SUCCESS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** What one wrk run measured; latencies in milliseconds. */
    record Result(double requestsPerSecond, long requests, double medianMillis, double p99Millis,
                  long notSuccessful, long socketErrors) {
    }

    private final int threads;
    private final int connections;

    Wrk(int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
    }

    Result run(Workspace workspace, Path script, int port, Duration duration) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-s", script.toString(), "http://127.0.0.1:" + port + "/");
        Process process;
        try {
            process = workspace.start(new ProcessBuilder(command).redirectErrorStream(true));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk (apt-get install wrk): " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        workspace.stop(process);
        if (status != 0) {
            throw new IllegalStateException("wrk exited with status " + status + ":\n" + output);
        }
        return parse(output);
    }

    static Result parse(String output) {
        Matcher socketErrors = SOCKET_ERRORS.matcher(output);
        long errors = 0;
        if (socketErrors.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socketErrors.group(group));
            }
        }
        Matcher notSuccess = NOT_SUCCESS.matcher(output);
        return new Result(Double.parseDouble(find(REQUESTS_PER_SECOND, output)), Long.parseLong(find(REQUESTS, output)),
                latencyMillis(output, "50%"), latencyMillis(output, "99%"),
                notSuccess.find() ? Long.parseLong(notSuccess.group(1)) : 0, errors);
    }

    /** A line of the latency distribution, {@code 99%  1.23ms}, in milliseconds. */
    private static double latencyMillis(String output, String percentile) {
        Matcher line = Pattern.compile("(?m)^\\s+" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s|m)\\s*$")
                .matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("wrk reported no " + percentile + " latency:\n" + output);
        }
        double amount = Double.parseDouble(line.group(1));
        return switch (line.group(2)) {
            case "us" -> amount / 1000;
            case "ms" -> amount;
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            default -> throw new IllegalStateException("unknown wrk time unit " + line.group(2));
        };
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk's report has no '" + pattern + "':\n" + output);
        }
        return matcher.group(1);
    }
}
