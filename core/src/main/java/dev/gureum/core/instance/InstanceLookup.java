package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds a caller's visible instances by id (in id order, as the store lists them), refusing malformed
 * and unknown ids with EC2's codes.
 */
final class InstanceLookup {
    private InstanceLookup() {
    }

    /**
     * The visible instances with these ids (all of them when none are named), in id order; unknown ids
     * are refused. Named instances are fetched by key, so naming one never walks the account's others.
     */
    static List<Instance> named(Store store, RequestContext context, List<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            List<Instance> visible = new ArrayList<>();
            for (Versioned<Instance> versioned : store.list(InstanceRecords.INSTANCES, context.account(), context.region())) {
                if (InstanceVisibility.visible(versioned.value(), context.now())) {
                    visible.add(versioned.value());
                }
            }
            return visible;
        }
        ResourceIds.requireWellFormed(IdKind.INSTANCE, instanceIds);
        List<String> missing = new ArrayList<>();
        List<Instance> found = new ArrayList<>();
        for (String id : new TreeSet<>(instanceIds)) {
            Optional<Instance> instance = store.get(InstanceRecords.INSTANCES, InstanceLaunches.key(context, id))
                    .map(Versioned::value).filter(candidate -> InstanceVisibility.visible(candidate, context.now()));
            instance.ifPresentOrElse(found::add, () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            throw ResourceIds.notFound(IdKind.INSTANCE, missing);
        }
        return found;
    }

    static Instance one(Store store, RequestContext context, String instanceId) {
        if (instanceId == null || instanceId.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter InstanceId");
        }
        return named(store, context, List.of(instanceId)).get(0);
    }
}
