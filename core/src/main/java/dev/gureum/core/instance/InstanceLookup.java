package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds a caller's visible instances by id (in id order, as the store lists them), refusing malformed
 * and unknown ids with EC2's codes.
 */
final class InstanceLookup {
    private InstanceLookup() {
    }

    /** The visible instances with these ids (all of them when none are named); unknown ids are refused. */
    static List<Instance> named(Store store, RequestContext context, List<String> instanceIds) {
        List<Instance> visible = new ArrayList<>();
        for (Versioned<Instance> versioned : store.list(InstanceRecords.INSTANCES, context.account(), context.region())) {
            if (InstanceVisibility.visible(versioned.value(), context.now())) {
                visible.add(versioned.value());
            }
        }
        if (instanceIds.isEmpty()) {
            return visible;
        }
        ResourceIds.requireWellFormed(IdKind.INSTANCE, instanceIds);
        Map<String, Instance> byId = visible.stream().collect(Collectors.toMap(Instance::id, Function.identity()));
        List<String> missing = new ArrayList<>();
        List<Instance> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(instanceIds)) {
            Instance instance = byId.get(id);
            if (instance == null) {
                missing.add(id);
            } else {
                found.add(instance);
            }
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
