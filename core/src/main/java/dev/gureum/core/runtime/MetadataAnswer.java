package dev.gureum.core.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The metadata service's answer to one request: status, content type, headers and body. {@code hopLimit} is
 * above zero only on the answer to a token PUT: the listener must send it so it crosses at most that many
 * network hops (the instance itself is zero hops away), as EC2's HttpPutResponseHopLimit does.
 */
public record MetadataAnswer(int status, String contentType, Map<String, String> headers, byte[] body, int hopLimit) {
    public MetadataAnswer {
        headers = Map.copyOf(headers);
    }

    public static MetadataAnswer text(String body) {
        return new MetadataAnswer(200, "text/plain", Map.of(), body.getBytes(StandardCharsets.UTF_8), 0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
