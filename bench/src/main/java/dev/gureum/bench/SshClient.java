package dev.gureum.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OpenSSH client run as a process against a sandbox instance, as a user runs it: key only, never
 * asking, never remembering host keys (every instance makes its own), with a short connect timeout so a
 * poll that finds nothing listening yet returns quickly.
 */
final class SshClient {
    private static final long POLL_INTERVAL_MILLIS = 25;

    private final Path key;
    private final String user;

    SshClient(Path key, String user) {
        this.key = key;
        this.user = user;
    }

    /** Runs {@code ssh … <address> true} once; true when it exited 0. */
    boolean runsTrue(String address) throws IOException, InterruptedException {
        return attempt(address) == null;
    }

    /** Runs {@code ssh … <address> true} once; null when it exited 0, else its status and what it printed. */
    private String attempt(String address) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("ssh", "-i", key.toString(), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=1", "-o", "IdentitiesOnly=yes", user + "@" + address, "true"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return "ssh hung: " + output;
        }
        return process.exitValue() == 0 ? null : "ssh exited " + process.exitValue() + ": " + output.strip();
    }

    /**
     * Polls {@code ssh … true} every {@value #POLL_INTERVAL_MILLIS} ms until it succeeds; the nanoTime of
     * the success's end.
     *
     * @throws IllegalStateException if the instance does not answer within {@code within}
     */
    long awaitAnswer(String address, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String failure = "not tried";
        while (System.nanoTime() < deadline) {
            failure = attempt(address);
            if (failure == null) {
                return System.nanoTime();
            }
            Thread.sleep(POLL_INTERVAL_MILLIS);
        }
        throw new IllegalStateException(address + " did not answer ssh within " + within + "; last try: " + failure);
    }
}
