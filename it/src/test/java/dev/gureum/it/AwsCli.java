package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Runs the real AWS CLI (Debian's {@code awscli}, at /usr/bin/aws) against a Gureum endpoint with the
 * default credentials, in a clean environment so a developer's own AWS settings cannot leak in. The CLI's
 * own code runs each call; {@link AwsCliWorkers} keeps its Python processes between calls.
 */
public final class AwsCli {
    public static final Path BINARY = Path.of("/usr/bin/aws");
    /** AWS CLI 1.45 (botocore 1.43) from pyenv, when present: it speaks awsJson to CloudWatch where 2.9 speaks aws-query. */
    public static final Path NEWER_BOTOCORE_BINARY = Path.of(System.getProperty("gureum.newerAwsCli",
            "/root/.pyenv/versions/3.11.7/bin/aws"));

    /** What one invocation printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path binary;
    private final String endpoint;
    private final Map<String, String> credentials;

    public AwsCli(java.net.URI endpoint) {
        this(endpoint, "test", "test");
    }

    public AwsCli(java.net.URI endpoint, String accessKeyId, String secret) {
        this(BINARY, endpoint, accessKeyId, secret);
    }

    public AwsCli(Path binary, java.net.URI endpoint, String accessKeyId, String secret) {
        this.binary = binary;
        this.endpoint = endpoint.toString();
        this.credentials = Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secret);
    }

    /** The CLI's exit code for "the service answered an error"; 252 would be its own parameter check. */
    public static final int SERVICE_ERROR_EXIT_CODE = 254;
    /** {@code -Dgureum.awsCliWorkers=false}: one {@code aws} process per call, e.g. to compare their times. */
    private static final boolean WORKERS = Boolean.parseBoolean(System.getProperty("gureum.awsCliWorkers", "true"));
    /** How long one call may take before it counts as hung. */
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(60);

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** One call of the CLI, through a long-lived worker when it is a Python script ({@link AwsCliWorkers}). */
    public Result run(String... arguments) {
        if (!WORKERS) {
            return runInItsOwnProcess(arguments);
        }
        return AwsCliWorkers.of(binary).map(workers -> workers.run(withEndpoint(arguments), environment(), TIMEOUT))
                .orElseGet(() -> runInItsOwnProcess(arguments));
    }

    /** One call of the CLI as its own {@code aws} process. */
    Result runInItsOwnProcess(String... arguments) {
        return runProcess(withEndpoint(arguments), environment());
    }

    private List<String> withEndpoint(String... arguments) {
        List<String> withEndpoint = new ArrayList<>(List.of("--endpoint-url", endpoint));
        withEndpoint.addAll(List.of(arguments));
        return withEndpoint;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(credentials);
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        environment.put("AWS_PAGER", "");
        return environment;
    }

    private Result runProcess(List<String> arguments, Map<String, String> variables) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.putAll(variables);
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("aws " + String.join(" ", arguments) + " hung");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the CLI with text output, requires success and answers what it printed, trimmed. */
    public String text(String... arguments) {
        return succeed(arguments, "text").stdout().trim();
    }

    /** Runs the CLI with JSON output, requires success and answers the parsed document. */
    public JsonNode json(String... arguments) {
        return JsonNode.parser().parse(succeed(arguments, "json").stdout());
    }

    /** Requires the call to fail with the service's error {@code code}, as the CLI reports it. */
    public void assertServerError(String code, String... arguments) {
        assertServerError(code, run(arguments), serviceErrorExitCode());
    }

    /**
     * Runs each case (its expected code, then the CLI's arguments) at once, each in its own CLI worker: calls
     * that change nothing are best checked side by side.
     */
    public void assertServerErrors(List<List<String>> cases) {
        ExecutorService processes = Executors.newFixedThreadPool(cases.size());
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (List<String> call : cases) {
                results.add(processes.submit(() -> run(call.subList(1, call.size()).toArray(String[]::new))));
            }
            for (int i = 0; i < cases.size(); i++) {
                assertServerError(cases.get(i).getFirst(), results.get(i).get(), serviceErrorExitCode());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            processes.shutdownNow();
        }
    }

    public static void assertServerError(String code, Result result) {
        assertServerError(code, result, SERVICE_ERROR_EXIT_CODE);
    }

    /** The AWS CLI 1.x exits 255 on any failure; 2.x tells a service's error (254) from its own. */
    private int serviceErrorExitCode() {
        return binary.equals(NEWER_BOTOCORE_BINARY) ? 255 : SERVICE_ERROR_EXIT_CODE;
    }

    private static void assertServerError(String code, Result result, int exitCode) {
        String expected = "An error occurred (" + code + ")";
        assertEquals(exitCode, result.exitCode(), expected + ", not: " + result.stderr());
        assertTrue(result.stderr().contains(expected), expected + ", not: " + result.stderr());
    }

    private Result succeed(String[] arguments, String output) {
        String[] withOutput = Stream.concat(Stream.of(arguments), Stream.of("--output", output)).toArray(String[]::new);
        Result result = run(withOutput);
        assertTrue(result.ok(), () -> "aws " + String.join(" ", arguments) + ": " + result.stderr());
        return result;
    }
}
