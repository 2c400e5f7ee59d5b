package dev.gureum.protocol.http;

/** An HTTP response ready to send: status, content type and body bytes, plus optional extra headers. */
public record WireResponse(int status, String contentType, byte[] body, java.util.Map<String, String> headers) {

    public WireResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, java.util.Map.of());
    }
}
