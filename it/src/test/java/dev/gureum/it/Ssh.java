package dev.gureum.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OpenSSH client run as a process against an instance, keys only, never asking anything and never
 * remembering host keys (every sandbox instance makes its own).
 */
final class Ssh {
    /** How one ssh run ended: its exit status (255: ssh itself failed) and what it printed. */
    record Result(int exitStatus, String output) {
        boolean ok() {
            return exitStatus == 0;
        }
    }

    private Ssh() {
    }

    static Result run(Path key, String user, String host, String command) {
        return run(key, user, host, 22, command);
    }

    static Result run(Path key, String user, String host, int port, String command) {
        List<String> ssh = new ArrayList<>(List.of("ssh", "-i", key.toString(), "-p", Integer.toString(port), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=2", "-o", "IdentitiesOnly=yes", user + "@" + host, command));
        try {
            Process process = new ProcessBuilder(ssh).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "ssh hung: " + output);
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command until it succeeds (sshd may not be up yet) or the time is over; the last result. */
    static Result retry(Path key, String user, String host, String command, Duration within) {
        return retry(key, user, host, 22, command, within);
    }

    static Result retry(Path key, String user, String host, int port, String command, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Result result;
        do {
            result = run(key, user, host, port, command);
            if (result.ok()) {
                return result;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        } while (System.nanoTime() < deadline);
        return result;
    }
}
