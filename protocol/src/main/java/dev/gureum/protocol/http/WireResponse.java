package dev.gureum.protocol.http;

import java.util.Arrays;
import java.util.Map;

/**
 * An HTTP response ready to send: status, content type, the body as the first {@code length} bytes of
 * {@code buffer}, plus optional extra headers. An encoder hands over the buffer it wrote into, so a
 * multi-megabyte answer is never copied just to trim it; the HTTP front sends exactly {@code length}.
 */
public record WireResponse(int status, String contentType, byte[] buffer, int length, Map<String, String> headers) {

    public WireResponse {
        if (length < 0 || length > buffer.length) {
            throw new IllegalArgumentException("a body of " + length + " bytes does not fit " + buffer.length);
        }
    }

    public WireResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, body.length, Map.of());
    }

    /** The body as an array of its own length (a copy only when the buffer is longer). */
    public byte[] body() {
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }
}
