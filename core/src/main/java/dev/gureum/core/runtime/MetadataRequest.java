package dev.gureum.core.runtime;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request an instance sent to the instance metadata service, as the runtime's listener read it:
 * the method, the path without its query, and the headers with lower-case names.
 */
public record MetadataRequest(String method, String path, Map<String, String> headers) {
    public MetadataRequest {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
