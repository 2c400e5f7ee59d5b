package dev.gureum.core.instance;

import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * DescribeInstanceStatus's view of an instance: status checks pass ("ok") once it runs and are
 * "not-applicable" otherwise; by default only running instances are listed, all with IncludeAllInstances.
 */
public final class InstanceStatuses {
    private static final FilterSet<Instance> FILTERS = FilterSet.<Instance>builder()
            .single("availability-zone", Instance::availabilityZone)
            .single("instance-state-name", instance -> instance.state().wireName())
            .single("instance-state-code", instance -> instance.state().code())
            .single("instance-status.status", InstanceStatuses::status)
            .single("instance-status.reachability", InstanceStatuses::reachability)
            .single("system-status.status", InstanceStatuses::status)
            .single("system-status.reachability", InstanceStatuses::reachability)
            .many("event.code", instance -> List.of())
            .many("event.description", instance -> List.of())
            .build();

    private InstanceStatuses() {
    }

    public static String status(Instance instance) {
        return instance.state() == InstanceState.RUNNING ? "ok" : "not-applicable";
    }

    public static String reachability(Instance instance) {
        return instance.state() == InstanceState.RUNNING ? "passed" : null;
    }

    public static Predicate<Instance> selection(boolean includeAllInstances, List<Filter> filters) {
        Predicate<Instance> running = instance -> includeAllInstances || instance.state() == InstanceState.RUNNING;
        return running.and(FILTERS.compile(filters));
    }
}
