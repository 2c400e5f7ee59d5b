package dev.gureum.core.cost;

import java.util.Map;

/**
 * The cost allocation tags of one account's resources: the tags each resource carries now, by resource id (every
 * user tag counts as an activated cost allocation tag). A resource that no longer exists has none, so its usage
 * shows untagged; AWS instead keeps the tags each hour of usage had.
 */
@FunctionalInterface
public interface ResourceTags {
    ResourceTags NONE = resourceId -> Map.of();

    /** The tags of {@code resourceId} (an instance, volume, snapshot, network interface, allocation or plan). */
    Map<String, String> of(String resourceId);

    /** The value of {@code key} on the resource of {@code item}, or null when it has no such tag. */
    default String value(dev.gureum.core.billing.LineItem item, String key) {
        return item.resourceId() == null ? null : of(item.resourceId()).get(key);
    }
}
