package dev.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.runtime.sandbox.ImageCache;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gureum image import <tarball|dir> [--name N] [--account ID] [--region R] [--default-user U]
 * [--architecture A] [--endpoint URL]}: registers a root filesystem on this host as an AMI of a running
 * sandbox server, through its {@code /_gureum/images/import}; prints the new image's id.
 * {@code gureum image build debian-12 [--cache DIR]}: builds a catalog image into the image cache (default
 * {@code GUREUM_IMAGE_CACHE}) unless it is there, printing the build's lines and then the root filesystem's path;
 * a server launching the image meanwhile waits for this build instead of starting its own.
 */
final class ImageCommand {
    private static final String DEFAULT_ENDPOINT = "http://127.0.0.1:4747";
    private static final String USAGE = "usage: gureum image import <tarball|dir> [--name N] [--account ID]"
            + " [--region R] [--default-user U] [--architecture A] [--endpoint URL]\n"
            + "       gureum image build <" + String.join("|", ImageCache.names()) + "> [--cache DIR]";

    private ImageCommand() {
    }

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        if (args.length >= 2 && "build".equals(args[0])) {
            return build(args, out);
        }
        if (args.length < 2 || !"import".equals(args[0])) {
            throw new IllegalArgumentException(USAGE);
        }
        String caller = System.getenv("GUREUM_CALLER_DIRECTORY");
        Path source = (caller == null ? Path.of(args[1]) : Path.of(caller).resolve(args[1])).toAbsolutePath().normalize();
        String endpoint = DEFAULT_ENDPOINT;
        Map<String, String> query = new LinkedHashMap<>();
        query.put("source", source.toString());
        query.put("name", source.getFileName().toString().replaceAll("\\.(tar(\\.[a-z0-9]+)?|tgz)$", ""));
        for (int i = 2; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--name" -> query.put("name", value);
                case "--account" -> query.put("account", value);
                case "--region" -> query.put("region", value);
                case "--default-user" -> query.put("defaultUser", value);
                case "--architecture" -> query.put("architecture", value);
                case "--endpoint" -> endpoint = value;
                default -> throw new IllegalArgumentException(USAGE);
            }
        }
        StringBuilder parameters = new StringBuilder();
        query.forEach((key, value) -> parameters.append(parameters.isEmpty() ? "?" : "&").append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(URI.create(endpoint + "/_gureum/images/import" + parameters))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IllegalArgumentException("no Gureum server answers at " + endpoint + " (start one with ./gureum"
                    + " serve --runtime sandbox, or name it with --endpoint)");
        }
        JsonNode answer = new ObjectMapper().readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException(answer.path("error").asText("Error") + ": "
                    + answer.path("message").asText(response.body()));
        }
        out.println(answer.get("imageId").asText());
        return 0;
    }

    private static int build(String[] args, PrintStream out) {
        String cache = System.getenv(ImageCache.VARIABLE);
        if (args.length == 4 && "--cache".equals(args[2])) {
            cache = args[3];
        } else if (args.length != 2) {
            throw new IllegalArgumentException(USAGE);
        }
        if (cache == null || cache.isBlank()) {
            throw new IllegalArgumentException("image build needs --cache DIR or " + ImageCache.VARIABLE);
        }
        try {
            out.println(ImageCache.build(args[1], Path.of(cache), out::println));
            return 0;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            System.err.println("gureum: " + e.getMessage());
            return 1;
        }
    }
}
