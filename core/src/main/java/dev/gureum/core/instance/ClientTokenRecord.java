package dev.gureum.core.instance;

import java.util.List;

/**
 * Remembers a RunInstances ClientToken: which reservation it produced and a fingerprint of the request,
 * so a retry with the same token returns that reservation and a different request is refused.
 */
public record ClientTokenRecord(String token, String reservationId, String requestFingerprint,
                                List<String> instanceIds) {
}
