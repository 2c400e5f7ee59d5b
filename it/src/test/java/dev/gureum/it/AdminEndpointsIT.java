package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Gureum's own endpoints: health, reset (ours and moto's path), and advancing a manual clock, which keeps its time. */
class AdminEndpointsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void healthReportsWhatIsRunning() {
        try (GureumProcess server = GureumProcess.start()) {
            HttpResponse<String> health = call(server, "GET", "/_gureum/health");
            assertEquals(200, health.statusCode());
            for (String field : new String[] {"\"status\":\"running\"", "\"version\":", "\"uptimeSeconds\":",
                    "\"runtime\":\"simulated\"", "\"store\":\"embedded\"", "\"clock\":\"real\""}) {
                assertTrue(health.body().contains(field), health.body());
            }
            assertEquals(200, call(server, "POST", "/_gureum/reset").statusCode());
            assertEquals(200, call(server, "POST", "/moto-api/reset").statusCode());
            assertEquals(405, call(server, "GET", "/_gureum/reset").statusCode());
            assertEquals(409, call(server, "POST", "/_gureum/clock/advance?seconds=60").statusCode());
        }
    }

    @Test
    void manualClockMovesOnlyWhenAdvanced() {
        try (GureumProcess server = GureumProcess.start("--clock", "manual")) {
            Instant before = Instant.parse(field(call(server, "GET", "/_gureum/health").body(), "now"));
            HttpResponse<String> advanced = call(server, "POST", "/_gureum/clock/advance?seconds=3600");
            assertEquals(200, advanced.statusCode(), advanced.body());
            assertEquals(before.plusSeconds(3600), Instant.parse(field(advanced.body(), "now")));
            assertEquals(400, call(server, "POST", "/_gureum/clock/advance?seconds=-5").statusCode());
        }
    }

    @Test
    void manualClockKeepsItsTimeAcrossAResetAndAKill() {
        try (GureumProcess server = GureumProcess.start("--clock", "manual")) {
            Instant advanced = Instant.parse(field(call(server, "POST", "/_gureum/clock/advance?seconds=86400").body(),
                    "now"));
            assertEquals(200, call(server, "POST", "/_gureum/reset").statusCode());
            server.kill();
            server.restart();
            assertEquals(advanced, Instant.parse(field(call(server, "GET", "/_gureum/health").body(), "now")),
                    "a restart neither moves the clock back to the real time nor on");
        }
    }

    @Test
    void aResetLeavesTheSpotMarketPricedNotEmpty() {
        try (GureumProcess server = GureumProcess.start("--clock", "manual");
             software.amazon.awssdk.services.ec2.Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            assertEquals(200, call(server, "POST", "/_gureum/reset").statusCode());
            assertTrue(!ec2.describeSpotPriceHistory(r -> r.instanceTypesWithStrings("m5.large")
                    .availabilityZone("us-east-1a")).spotPriceHistory().isEmpty(),
                    "the price in force is there at once, not after the next five-minute evaluation");
        }
    }

    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    private static HttpResponse<String> call(GureumProcess server, String method, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
