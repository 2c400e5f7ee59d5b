package dev.gureum.core.instance;

import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.StatusChecks;
import java.util.List;
import java.util.function.Predicate;

/**
 * DescribeInstanceStatus's view of an instance: its system and instance status checks come from the
 * runtime's view of it while it runs ("ok"/"passed", or "impaired"/"failed" when the runtime sees it
 * unreachable) and are "not-applicable" otherwise; by default only running instances are listed, all with
 * IncludeAllInstances. The StatusCheckFailed metrics read the same view. Gureum schedules no events (reboots,
 * retirements), so the event filters match nothing.
 */
public final class InstanceStatuses {
    /** One check as EC2 shows it: a status and, while the instance runs, the reachability detail. */
    public record Check(String status, String reachability) {
        static final Check NOT_APPLICABLE = new Check("not-applicable", null);
        static final Check OK = new Check("ok", "passed");
        static final Check IMPAIRED = new Check("impaired", "failed");

        public boolean failed() {
            return "impaired".equals(status);
        }
    }

    /** Both checks of one instance. */
    public record View(Check system, Check instance) {
    }

    private final InstanceRuntime runtime;
    private final FilterSet<Instance> filters;

    public InstanceStatuses(InstanceRuntime runtime) {
        this.runtime = runtime;
        this.filters = FilterSet.<Instance>builder()
                .single("availability-zone", Instance::availabilityZone)
                .single("instance-state-name", instance -> instance.state().wireName())
                .single("instance-state-code", instance -> instance.state().code())
                .single("instance-status.status", instance -> of(instance).instance().status())
                .single("instance-status.reachability", instance -> of(instance).instance().reachability())
                .single("system-status.status", instance -> of(instance).system().status())
                .single("system-status.reachability", instance -> of(instance).system().reachability())
                .many("event.code", instance -> List.of())
                .many("event.description", instance -> List.of())
                .many("event.instance-event-id", instance -> List.of())
                .many("event.not-after", instance -> List.of())
                .many("event.not-before", instance -> List.of())
                .many("event.not-before-deadline", instance -> List.of())
                .fixed("operator.managed", "false")
                .absent("operator.principal", "attached-ebs-status.status")
                .build();
    }

    public View of(Instance instance) {
        if (instance.state() != InstanceState.RUNNING) {
            return new View(Check.NOT_APPLICABLE, Check.NOT_APPLICABLE);
        }
        StatusChecks checks = runtime.statusChecks(InstanceSpecs.ref(instance));
        return new View(checks.systemReachable() ? Check.OK : Check.IMPAIRED,
                checks.instanceReachable() ? Check.OK : Check.IMPAIRED);
    }

    public Predicate<Instance> selection(boolean includeAllInstances, List<Filter> filters) {
        Predicate<Instance> running = instance -> includeAllInstances || instance.state() == InstanceState.RUNNING;
        return running.and(this.filters.compile(filters));
    }
}
