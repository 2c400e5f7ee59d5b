package dev.gureum.server.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.time.CloudClock;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gureum's own endpoints beside the AWS APIs, answered in JSON and not signed:
 * {@code GET /_gureum/health}, {@code POST /_gureum/reset} (also at {@code /moto-api/reset}, so suites
 * written for moto's server mode run unchanged) and {@code POST /_gureum/clock/advance?seconds=N}
 * (manual clock only). They listen where the API listens: loopback unless told otherwise.
 */
public final class AdminEndpoints {
    /** Built on the first admin call, not at start-up: a mapper costs tens of milliseconds to make. */
    private static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** What the health endpoint reports about the running server. */
    public record ServerFacts(String version, String runtime, String store, String authMode, List<String> services) {
    }

    private final ServerFacts facts;
    private final CloudClock clock;
    private final Runnable reset;
    private final Instant started = Instant.now();

    /** {@code reset} empties the cloud: every account's resources, in the store and in the runtime. */
    public AdminEndpoints(ServerFacts facts, CloudClock clock, Runnable reset) {
        this.facts = facts;
        this.clock = clock;
        this.reset = reset;
    }

    public boolean owns(String rawPath) {
        return rawPath.startsWith("/_gureum/") || rawPath.startsWith("/moto-api/");
    }

    public WireResponse handle(WireRequest request) {
        String path = request.rawPath();
        return switch (path) {
            case "/_gureum/health" -> request.method().equals("GET") ? health() : methodNotAllowed("GET");
            case "/_gureum/reset", "/moto-api/reset" -> request.method().equals("POST") ? reset() : methodNotAllowed("POST");
            case "/_gureum/clock/advance" -> request.method().equals("POST") ? advance(request) : methodNotAllowed("POST");
            default -> json(404, Map.of("error", "NotFound", "message", "No admin endpoint at " + path));
        };
    }

    private WireResponse health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "running");
        body.put("version", facts.version());
        body.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
        body.put("runtime", facts.runtime());
        body.put("store", facts.store());
        body.put("auth", facts.authMode());
        body.put("clock", clock.isManual() ? "manual" : "real");
        body.put("now", clock.now().toString());
        body.put("services", facts.services());
        return json(200, body);
    }

    private WireResponse reset() {
        reset.run();
        return json(200, Map.of("status", "reset"));
    }

    private WireResponse advance(WireRequest request) {
        if (!clock.isManual()) {
            return json(409, Map.of("error", "RealClock",
                    "message", "The clock is real time; start the server with --clock manual to advance it."));
        }
        String seconds = queryParameter(request.rawQuery(), "seconds");
        long amount;
        try {
            amount = Long.parseLong(seconds == null ? "" : seconds);
        } catch (NumberFormatException e) {
            amount = -1;
        }
        if (amount < 0) {
            return json(400, Map.of("error", "InvalidParameterValue",
                    "message", "seconds must be a whole number of seconds, 0 or more."));
        }
        return json(200, Map.of("now", clock.advance(Duration.ofSeconds(amount)).toString()));
    }

    private static String queryParameter(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }

    private static WireResponse methodNotAllowed(String allowed) {
        return json(405, Map.of("error", "MethodNotAllowed", "message", "Use " + allowed + "."));
    }

    private static WireResponse json(int status, Object body) {
        try {
            return new WireResponse(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
