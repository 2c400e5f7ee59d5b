package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import java.util.Optional;

/** What the network needs to know of an instance it attaches an interface or address to. */
@FunctionalInterface
public interface AttachableInstances {

    /** An instance as the network sees it: where it is and whether it runs. */
    record Attachable(String instanceId, String availabilityZone, String vpcId, String primaryInterfaceId,
                      String state) {
        public boolean isRunning() {
            return "running".equals(state) || "pending".equals(state);
        }
    }

    /** The visible instance with this id in the caller's account and region, if any. */
    Optional<Attachable> find(RequestContext context, String instanceId);
}
