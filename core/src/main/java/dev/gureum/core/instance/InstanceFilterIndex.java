package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.store.DerivedIndex;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.Versioned;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Instances by the filters DescribeInstances is most often narrowed by, with exact values: the state name and
 * the tags ({@link InstanceFilters#indexKeys}). A Describe with such a filter that few instances match reads
 * those by key instead of walking every instance of the region; all its filters are still applied to what
 * it reads, so the index decides only which instances are looked at, never which ones match.
 */
final class InstanceFilterIndex {
    /**
     * The index is used when its candidates are at most this share of the region's instances: beyond it,
     * fetching each by key and sorting them costs about what walking the sorted listing costs.
     */
    private static final int LARGEST_SHARE_DIVISOR = 4;

    private final DerivedIndex<Instance> index;

    InstanceFilterIndex(FollowedStore store) {
        this.index = store.follow(new DerivedIndex<>(store, InstanceRecords.INSTANCES, InstanceFilters::indexKeys));
    }

    /**
     * The caller's visible instances that may match {@code filters}, in id order, read through the index; empty
     * when no filter narrows the region's instances to a few, or when a commit of instances overlapped the read
     * (then the caller walks the listing, which sees every committed instance).
     */
    Optional<List<Instance>> candidates(RequestContext context, List<Filter> filters) {
        List<String> keys = narrowest(context, filters);
        return keys.isEmpty() ? Optional.empty() : index.settled(() -> visible(context, keys));
    }

    /** The keys of the filter that the fewest instances hold, or none if no filter narrows them enough. */
    private List<String> narrowest(RequestContext context, List<Filter> filters) {
        List<String> narrowest = List.of();
        int fewest = Integer.MAX_VALUE;
        for (Filter filter : filters) {
            List<String> keys = InstanceFilters.indexKeys(filter);
            if (keys != null) {
                int count = count(context, keys);
                if (count < fewest) {
                    fewest = count;
                    narrowest = keys;
                }
            }
        }
        return fewest <= regionSize(context) / LARGEST_SHARE_DIVISOR ? narrowest : List.of();
    }

    /** How many instances the region holds, visible or not: each is under exactly one state name. */
    private int regionSize(RequestContext context) {
        int size = 0;
        for (InstanceState state : InstanceState.values()) {
            size += index.count(context.account(), context.region(), InstanceFilters.indexKey(state));
        }
        return size;
    }

    private int count(RequestContext context, List<String> keys) {
        int count = 0;
        for (String key : keys) {
            count += index.count(context.account(), context.region(), key);
        }
        return count;
    }

    private List<Instance> visible(RequestContext context, List<String> keys) {
        List<Instance> found = new ArrayList<>();
        for (Versioned<Instance> record : index.records(context.account(), context.region(), keys)) {
            if (InstanceVisibility.visible(record.value(), context.now())) {
                found.add(record.value());
            }
        }
        found.sort(Comparator.comparing(Instance::id));
        return found;
    }
}
