package dev.gureum.core.instance;

import dev.gureum.core.storage.InstanceStoreDisks;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.storage.VolumeBytes;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Storage follows instances: a terminated instance's volumes are deleted (DeleteOnTermination) or detached
 * in the batch that terminates it; instance-store disks are made empty when an instance starts and
 * thrown away when it stops or terminates.
 */
public final class VolumeFollower implements InstanceFollower {
    private final VolumeAttachments attachments;
    private final VolumeBytes volumes;
    private final InstanceStoreDisks instanceStore;
    private final LaunchCatalog catalog;

    public VolumeFollower(VolumeAttachments attachments, VolumeBytes volumes, InstanceStoreDisks instanceStore,
                          LaunchCatalog catalog) {
        this.attachments = attachments;
        this.volumes = volumes;
        this.instanceStore = instanceStore;
        this.catalog = catalog;
    }

    @Override
    public Runnable follow(WriteBatch batch, List<Instance[]> moves) {
        Map<RecordKey, Set<String>> terminated = new LinkedHashMap<>();
        java.time.Instant terminatedAt = null;
        List<Instance> starting = new ArrayList<>();
        List<Instance> leavingTheirHost = new ArrayList<>();
        for (Instance[] move : moves) {
            InstanceState before = move[0].state();
            InstanceState after = move[1].state();
            if (after == InstanceState.TERMINATED && before != InstanceState.TERMINATED) {
                terminated.computeIfAbsent(new RecordKey(move[1].ownerId(), move[1].region(), ""),
                        unused -> new LinkedHashSet<>()).add(move[1].id());
                terminatedAt = move[1].terminatedAt();
            }
            if (before == InstanceState.STOPPED && after == InstanceState.PENDING) {
                starting.add(move[1]);
            } else if ((after == InstanceState.STOPPED || after == InstanceState.TERMINATED) && before != after) {
                leavingTheirHost.add(move[1]);
            }
        }
        List<Volume> deleting = new ArrayList<>();
        java.time.Instant at = terminatedAt;
        terminated.forEach((scope, ids) ->
                deleting.addAll(attachments.instancesTerminated(batch, scope.account(), scope.region(), ids, at)));
        if (deleting.isEmpty() && starting.isEmpty() && leavingTheirHost.isEmpty()) {
            return NOTHING_AFTER;
        }
        return () -> {
            volumes.finishDeleting(deleting);
            starting.forEach(this::prepareInstanceStore);
            leavingTheirHost.forEach(this::wipeInstanceStore);
        };
    }

    /**
     * After a restart: instances that are off their host keep no instance store, even when a crash came
     * between the stop and the wipe.
     */
    public void reconcile(List<Instance> instances) {
        for (Instance instance : instances) {
            if (!InstanceLaunches.occupiesHost(instance.state())) {
                wipeInstanceStore(instance);
            }
        }
    }

    /** Empty instance-store disks for an instance starting again (a launch makes its own). */
    private void prepareInstanceStore(Instance instance) {
        LaunchCatalog.InstanceStore storage = catalog.type(instance.instanceType()).instanceStore();
        if (storage != null) {
            instanceStore.prepare(instance.ownerId(), instance.region(), instance.id(), storage.disks(),
                    storage.diskSizeGigabytes());
        }
    }

    private void wipeInstanceStore(Instance instance) {
        LaunchCatalog.InstanceStore storage = catalog.type(instance.instanceType()).instanceStore();
        if (storage != null) {
            instanceStore.wipe(instance.ownerId(), instance.region(), instance.id(), storage.disks());
        }
    }
}
