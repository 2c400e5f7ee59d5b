package dev.gureum.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Long-lived Python processes that run the aws CLI's own entry point ({@code awscli.clidriver}) once per call,
 * with the interpreter the CLI's script names (its {@code #!} line): the CLI parses, signs, sends and prints
 * as {@code aws} does, but Python's start-up and the CLI's imports, about a second of CPU on every call, are
 * paid once per process. A call takes an idle process or starts one, so calls side by side still run side by
 * side. A process that fails or hangs is killed and not reused; all of them end when this JVM does (their
 * stdin closes, and a shutdown hook kills what is left).
 */
final class AwsCliWorkers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, AwsCliWorkers> BY_BINARY = new ConcurrentHashMap<>();
    /** Kills a worker whose call outlasts its timeout, which ends the wait for its answer. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "aws-cli-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Path python;
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final List<Worker> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    private AwsCliWorkers(Path python) {
        this.python = python;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(Worker::kill), "aws-cli-workers-stop"));
    }

    /** The workers for the CLI at {@code binary}; empty when it is not a Python script (it is then run as is). */
    static Optional<AwsCliWorkers> of(Path binary) {
        Optional<Path> python = interpreter(binary);
        return python.map(found -> BY_BINARY.computeIfAbsent(binary, unused -> new AwsCliWorkers(found)));
    }

    /** One CLI call: {@code environment} holds the call's AWS_* variables; the rest is this JVM's, as for {@code aws}. */
    AwsCli.Result run(List<String> arguments, Map<String, String> environment, Duration timeout) {
        Worker worker = idle.pollFirst();
        if (worker == null) {
            worker = start();
        }
        try {
            AwsCli.Result result = worker.call(arguments, environment, timeout);
            idle.addFirst(worker);
            return result;
        } catch (RuntimeException e) {
            worker.kill();
            throw e;
        }
    }

    private Worker start() {
        try {
            Path log = Files.createTempFile("aws-cli-worker", ".log");
            log.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-c", script())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            Worker worker = new Worker(builder.start(), log);
            started.add(worker);
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + python + " for the aws CLI", e);
        }
    }

    private static String script() throws IOException {
        try (InputStream in = AwsCliWorkers.class.getResourceAsStream("/aws-cli-worker.py")) {
            if (in == null) {
                throw new IOException("aws-cli-worker.py is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The interpreter of a {@code #!...python...} script. */
    private static Optional<Path> interpreter(Path binary) {
        try (BufferedReader lines = Files.newBufferedReader(binary, StandardCharsets.ISO_8859_1)) {
            String first = lines.readLine();
            if (first == null || !first.startsWith("#!")) {
                return Optional.empty();
            }
            String[] words = first.substring(2).strip().split("\\s+");
            String program = words[0].endsWith("/env") && words.length > 1 ? words[1] : words[0];
            return program.contains("python") ? Optional.of(Path.of(program)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One Python process, serving one call at a time. */
    private static final class Worker {
        private final Process process;
        private final Path log;
        private final OutputStream requests;
        private final BufferedReader answers;

        Worker(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.requests = process.getOutputStream();
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        AwsCli.Result call(List<String> arguments, Map<String, String> environment, Duration timeout) {
            try {
                requests.write(JSON.writeValueAsBytes(Map.of("arguments", arguments, "environment", environment)));
                requests.write('\n');
                requests.flush();
                AtomicBoolean hung = new AtomicBoolean();
                ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                    hung.set(true);
                    process.destroyForcibly();
                }, timeout.toMillis(), TimeUnit.MILLISECONDS);
                String line;
                try {
                    line = answers.readLine();
                } finally {
                    watchdog.cancel(false);
                }
                if (hung.get()) {
                    throw new IllegalStateException("aws " + String.join(" ", arguments) + " hung");
                }
                if (line == null) {
                    throw new IllegalStateException("the aws CLI worker exited: " + logText());
                }
                JsonNode answer = JSON.readTree(line);
                return new AwsCli.Result(answer.get("exitCode").asInt(), answer.get("stdout").asText(),
                        answer.get("stderr").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("the aws CLI worker failed: " + logText(), e);
            }
        }

        private String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
                Files.deleteIfExists(log);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // a leftover temp log is harmless
            }
        }
    }
}
