package dev.gureum.protocol.ec2;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * botocore's own EC2 response parser, run by {@code botocore_parse.py} under one Python interpreter.
 * A whole batch of responses goes through one process (botocore's model takes a while to load), as
 * JSON on stdin and stdout.
 */
public final class BotocoreParser {
    private static final long TIMEOUT_SECONDS = 120;

    /** One HTTP response to parse as the answer to {@code operation}. */
    record Response(String operation, int status, byte[] body) {
    }

    /** A response with headers (awsJson errors carry their query code in one), for any service's protocol. */
    public record HeadedResponse(String operation, int status, Map<String, String> headers, byte[] body) {
    }

    /** What botocore made of a batch: its version, each operation's output skeleton and one result per response. */
    public record Parsed(String version, Map<String, JsonNode> skeletons, List<JsonNode> results) {
    }

    private final Path python;

    public BotocoreParser(Path python) {
        this.python = python;
    }

    /** botocore's version under this interpreter, or empty when the interpreter or botocore is missing. */
    public Optional<String> version() {
        if (!Files.isExecutable(python)) {
            return Optional.empty();
        }
        Run run = run(List.of(python.toString(), "-c", "import botocore; print(botocore.__version__)"), new byte[0]);
        return run.exitCode() == 0 ? Optional.of(run.stdout().trim()) : Optional.empty();
    }

    Parsed parse(List<Response> responses) {
        return parsed(run(List.of(python.toString(), script("botocore_parse.py").toString()), batch(responses)));
    }

    /** Parses with {@code service}'s model and botocore's parser for {@code protocol} ({@code query}, {@code json}). */
    public Parsed parse(String service, String protocol, List<HeadedResponse> responses) {
        StringBuilder json = new StringBuilder("{\"service\":\"").append(service).append("\",\"protocol\":\"")
                .append(protocol).append("\",\"responses\":[");
        for (HeadedResponse response : responses) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                    .append("{\"operation\":\"").append(response.operation())
                    .append("\",\"status\":").append(response.status()).append(",\"headers\":{");
            response.headers().forEach((name, value) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                    .append('"').append(name.toLowerCase(java.util.Locale.ROOT)).append("\":\"").append(value).append('"'));
            json.append("},\"body\":\"").append(Base64.getEncoder().encodeToString(response.body())).append("\"}");
        }
        byte[] batch = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        return parsed(run(List.of(python.toString(), script("botocore_wire_parse.py").toString()), batch));
    }

    private Parsed parsed(Run run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException(python + " botocore_parse.py failed: " + run.stderr());
        }
        Map<String, JsonNode> document = JsonNode.parser().parse(run.stdout()).asObject();
        return new Parsed(document.get("botocore").asString(), document.get("operations").asObject(),
                document.get("results").asArray());
    }

    private static byte[] batch(List<Response> responses) {
        StringBuilder json = new StringBuilder("{\"responses\":[");
        for (Response response : responses) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                    .append("{\"operation\":\"").append(response.operation())
                    .append("\",\"status\":").append(response.status())
                    .append(",\"body\":\"").append(Base64.getEncoder().encodeToString(response.body())).append("\"}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Path script(String name) {
        try {
            return Path.of(BotocoreParser.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    /** Output goes to files, not pipes, so a stuck or chatty interpreter cannot block the test past the timeout. */
    private static Run run(List<String> command, byte[] stdin) {
        Path output = null;
        Path errors = null;
        try {
            output = Files.createTempFile("botocore", ".stdout");
            errors = Files.createTempFile("botocore", ".stderr");
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Run(process.exitValue(), Files.readString(output), Files.readString(errors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(output);
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
