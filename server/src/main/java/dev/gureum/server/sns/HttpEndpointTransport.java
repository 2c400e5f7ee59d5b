package dev.gureum.server.sns;

import dev.gureum.core.sns.delivery.Delivery;
import dev.gureum.core.sns.delivery.NotificationTransport.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a delivery to an HTTP/S endpoint as SNS does: its body, the {@code x-amz-sns-*} headers, Content-Type
 * and SNS's User-Agent. SNS counts an answer from 200 to 499 as the endpoint's decision (a 2xx delivered, a
 * 4xx not retried: retrying cannot fix it, so Gureum records the message as undeliverable) and retries a 5xx,
 * a timeout (15 seconds, as SNS) or a connection that fails.
 */
final class HttpEndpointTransport {
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Outcome send(Delivery delivery) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.endpoint())).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        } catch (IllegalArgumentException e) {
            return Outcome.refused("the endpoint is not a URL Gureum can reach: " + e.getMessage());
        }
        for (Map.Entry<String, String> header : delivery.headers().entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.delivered();
            }
            return status >= 400 && status < 500 ? Outcome.refused("HTTP " + status)
                    : Outcome.retry("HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Outcome.retry("no answer in " + TIMEOUT.toSeconds() + " seconds");
        } catch (IOException e) {
            return Outcome.retry(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted (shutting down)");
        }
    }
}
