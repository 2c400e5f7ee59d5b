package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import java.util.Optional;

/** What volumes need to know of an instance they attach to. */
@FunctionalInterface
public interface VolumeHosts {

    /** An instance as a volume sees it: its zone, its state (EC2's name) and its root device. */
    record Host(String instanceId, String availabilityZone, String state, String rootDeviceName, boolean windows) {
    }

    /** The visible instance with this id in the caller's account and region, if any. */
    Optional<Host> find(RequestContext context, String instanceId);
}
