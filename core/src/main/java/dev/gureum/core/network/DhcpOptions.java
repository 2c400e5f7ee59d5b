package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.util.List;
import java.util.Map;

/** A DHCP options set: option name (e.g. {@code domain-name}) to its values, in the order given. */
public record DhcpOptions(String id, String ownerId, String region, Map<String, List<String>> configurations,
                          List<Tag> tags) {

    public DhcpOptions {
        configurations = configurations == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(configurations));
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public DhcpOptions withTags(List<Tag> newTags) {
        return new DhcpOptions(id, ownerId, region, configurations, newTags);
    }
}
