package dev.gureum.core.spot;

import dev.gureum.core.instance.LaunchRequest;
import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.List;

/** A RequestSpotInstances call in domain terms; null means "not given". */
public record SpotRequestSpec(String type, String spotPrice, Integer instanceCount, Instant validFrom,
                              Instant validUntil, String interruptionBehavior, LaunchRequest launch, List<Tag> tags) {
}
