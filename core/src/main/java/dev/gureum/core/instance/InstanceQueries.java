package dev.gureum.core.instance;

import dev.gureum.core.Once;
import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.network.InstanceNetworkView;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.storage.AttachedVolumes;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * DescribeInstances and the other reads: the caller's own instances in the region, terminated ones for
 * an hour after termination, narrowed by ids and filters, in a stable order, paginated as EC2 does. A
 * Describe without ids whose exact tag or state filter few instances match reads those through
 * {@link InstanceFilterIndex} instead of walking the region.
 */
public final class InstanceQueries {
    /**
     * DescribeInstances lists the instances of a reservation together, so that pages cut the one listing into
     * parts and a reservation spans two pages only where a page ends: by reservation, then by instance id.
     */
    private static final Comparator<Instance> IN_RESERVATIONS = Comparator.comparing(Instance::reservationId)
            .thenComparing(Instance::id);

    private final Store store;
    private final InstanceRuntime runtime;
    private final InstanceStatuses statuses;
    private final NetworkInterfaceService network;
    private final VolumeAttachments volumes;
    private final InstanceFilterIndex filterIndex;

    public InstanceQueries(FollowedStore store, InstanceRuntime runtime, NetworkInterfaceService network,
                           VolumeAttachments volumes) {
        this.store = store;
        this.filterIndex = new InstanceFilterIndex(store);
        this.runtime = runtime;
        this.statuses = new InstanceStatuses(runtime);
        this.network = network;
        this.volumes = volumes;
    }

    /** What DescribeInstances shows of some instances besides their records: network and volumes. */
    public InstanceView view(RequestContext context, List<Instance> instances) {
        return new InstanceView(networkView(context, instances), attachedVolumes(context, instances));
    }

    private AttachedVolumes attachedVolumes(RequestContext context, List<Instance> instances) {
        java.util.Set<String> ids = new java.util.HashSet<>(instances.size() * 2);
        instances.forEach(instance -> ids.add(instance.id()));
        return volumes.attachedTo(context, ids);
    }

    /** The network of some instances as DescribeInstances shows it. */
    public InstanceNetworkView networkView(RequestContext context, List<Instance> instances) {
        List<String> primaries = new java.util.ArrayList<>(instances.size());
        for (Instance instance : instances) {
            if (instance.network() != null) {
                primaries.add(instance.network().primaryInterfaceId());
            }
        }
        return network.view(context, primaries);
    }

    public Page<Instance> describe(RequestContext context, List<String> instanceIds, List<Filter> filters,
                                   Integer maxResults, String nextToken) {
        if (!instanceIds.isEmpty() && maxResults != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        List<Instance> candidates = instanceIds.isEmpty() ? filterIndex.candidates(context, filters)
                .orElseGet(() -> InstanceLookup.named(store, context, instanceIds))
                : InstanceLookup.named(store, context, instanceIds);
        Predicate<Instance> matches = InstanceFilters.of(Once.of(() -> networkView(context, candidates)),
                Once.of(() -> attachedVolumes(context, candidates))).compile(filters);
        List<Instance> found = new java.util.ArrayList<>();
        for (Instance instance : candidates) {
            if (matches.test(instance)) {
                found.add(instance);
            }
        }
        found.sort(IN_RESERVATIONS);
        return Pages.page("DescribeInstances",
                found, InstanceQueries::reservationOrderKey, maxResults, nextToken, 5, 1000);
    }

    /** The page key of {@link #IN_RESERVATIONS}'s order. */
    private static String reservationOrderKey(Instance instance) {
        return instance.reservationId() + "\u0000" + instance.id();
    }

    /** DescribeInstanceStatus: named or all visible instances, running only unless all are asked for. */
    public Page<Instance> statuses(RequestContext context, List<String> instanceIds, boolean includeAllInstances,
                                   List<Filter> filters, Integer maxResults, String nextToken) {
        if (!instanceIds.isEmpty() && maxResults != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        List<Instance> found = InstanceLookup.named(store, context, instanceIds).stream()
                .filter(statuses.selection(includeAllInstances, filters))
                .sorted(Comparator.comparing(Instance::id)).toList();
        return Pages.page("DescribeInstanceStatus", found, Instance::id, maxResults, nextToken, 5, 1000);
    }

    /** The instance's system and instance status checks. */
    public InstanceStatuses.View statusOf(Instance instance) {
        return statuses.of(instance);
    }

    /** One visible instance by id. */
    public Instance one(RequestContext context, String instanceId) {
        return InstanceLookup.one(store, context, instanceId);
    }

    /** When the instance's console output last changed, or null when its runtime does not know. */
    public java.time.Instant consoleUpdated(RequestContext context, String instanceId) {
        return runtime.consoleUpdated(InstanceSpecs.ref(one(context, instanceId)));
    }

    /**
     * GetPasswordData: a Windows instance's encrypted Administrator password once it has booted (running or
     * after), as EC2 makes it available after Windows starts; empty before, and for an instance without one (Linux,
     * or launched without an RSA key pair).
     */
    public String passwordData(RequestContext context, String instanceId) {
        Instance instance = InstanceLookup.one(store, context, instanceId);
        if (instance.state() == InstanceState.PENDING) {
            return "";
        }
        return store.get(InstanceRecords.PASSWORDS, new RecordKey(context.account(), context.region(), instanceId))
                .map(password -> password.value().data()).orElse("");
    }

    public String consoleOutput(RequestContext context, String instanceId) {
        Instance instance = InstanceLookup.one(store, context, instanceId);
        return runtime.consoleOutput(InstanceSpecs.ref(instance));
    }

}
