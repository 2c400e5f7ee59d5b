package dev.gureum.core.spot;

import dev.gureum.core.instance.LaunchRequest;
import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.List;

/** A RequestSpotInstances call in domain terms; null means "not given". */
public record SpotRequestSpec(String type, String spotPrice, Integer instanceCount, Instant validFrom,
                              Instant validUntil, String interruptionBehavior, LaunchRequest launch, List<Tag> tags,
                              String clientToken) {

    /** Identifies the request's content for ClientToken idempotency (the token itself excluded). */
    String fingerprint() {
        SpotRequestSpec withoutToken = new SpotRequestSpec(type, spotPrice, instanceCount, validFrom, validUntil,
                interruptionBehavior, launch, tags, null);
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(withoutToken.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
