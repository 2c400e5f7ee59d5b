package dev.gureum.core;

import java.time.Instant;

/**
 * Who is asking, where, and when: the authenticated account, the region the request was signed for,
 * the request id echoed in the response, the cloud clock's time at arrival, and whether this is a dry
 * run (every check runs; nothing is changed).
 */
public record RequestContext(String account, String region, String requestId, Instant now, boolean dryRun) {
}
