package dev.gureum.protocol.http;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it arrived, independent of the server library: the raw (still percent-encoded)
 * path and query, header names lower-cased, and the body bytes exactly as received (SigV4 hashes them).
 */
public record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body) {

    public WireRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
