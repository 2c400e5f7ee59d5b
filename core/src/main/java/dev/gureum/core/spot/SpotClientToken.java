package dev.gureum.core.spot;

import java.util.List;

/** A RequestSpotInstances ClientToken: the fingerprint of the request it came with and the requests it made. */
public record SpotClientToken(String token, String requestFingerprint, List<String> requestIds) {
    public SpotClientToken {
        requestIds = List.copyOf(requestIds);
    }
}
