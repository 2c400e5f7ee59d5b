package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host program (ip, crun, mount…) to completion and captures what it printed. Every host change
 * the sandbox makes goes through here, so a failure always names the command and its own words.
 */
final class HostCommand {
    private static final long TIMEOUT_SECONDS = 60;
    private static final boolean TRACE = System.getenv("GUREUM_TRACE_HOST") != null;

    /** What a finished command printed (standard output and error together) and its exit status. */
    record Result(int exitStatus, String output) {
        boolean succeeded() {
            return exitStatus == 0;
        }
    }

    private HostCommand() {
    }

    /** Runs the command and fails with its output unless it exits 0. */
    static String run(List<String> command) {
        Result result = attempt(command);
        if (!result.succeeded()) {
            throw new SandboxException(String.join(" ", command) + " failed (" + result.exitStatus() + "): "
                    + result.output().strip());
        }
        return result.output();
    }

    static String run(String... command) {
        return run(List.of(command));
    }

    /** Several ip commands in one network namespace with one process; the first failure stops them and is thrown. */
    static void ipBatch(HostTools tools, String namespace, String... lines) {
        List<String> command = List.of(tools.ip().toString(), "-n", namespace, "-batch", "-");
        Result result = attempt(command, String.join("\n", lines) + "\n");
        if (!result.succeeded()) {
            throw new SandboxException("ip -n " + namespace + " -batch failed: " + result.output().strip());
        }
    }

    /** With GUREUM_TRACE_HOST set: one line on standard error with the command and how long it took since {@code began}. */
    static void trace(List<String> command, long began) {
        if (TRACE) {
            System.err.printf("[host %4d ms] %s%n", (System.nanoTime() - began) / 1_000_000, String.join(" ", command));
        }
    }

    /** Runs the command and reports how it ended, for commands whose failure is an answer. */
    static Result attempt(List<String> command) {
        return attempt(command, null);
    }

    static Result attempt(String... command) {
        return attempt(List.of(command), null);
    }

    /** As {@link #attempt(List)}, with {@code input} written to the command's standard input. */
    static Result attempt(List<String> command, String input) {
        long began = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(input == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                            : ProcessBuilder.Redirect.PIPE)
                    .start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SandboxException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            trace(command, began);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new SandboxException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
