package dev.gureum.core.instance;

import dev.gureum.core.network.InstanceNetworkView;
import dev.gureum.core.storage.AttachedVolumes;

/** What a Describe call shows besides the instance records: their network and their attached volumes. */
public record InstanceView(InstanceNetworkView network, AttachedVolumes volumes) {
}
