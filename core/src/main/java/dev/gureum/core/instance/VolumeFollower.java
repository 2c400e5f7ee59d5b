package dev.gureum.core.instance;

import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Volumes follow their instances: a terminated instance lets go of the volumes attached to it. */
public final class VolumeFollower implements InstanceFollower {
    private final VolumeAttachments volumes;

    public VolumeFollower(VolumeAttachments volumes) {
        this.volumes = volumes;
    }

    @Override
    public void follow(WriteBatch batch, List<Instance[]> moves) {
        Map<RecordKey, Set<String>> terminated = new LinkedHashMap<>();
        for (Instance[] move : moves) {
            if (move[1].state() == InstanceState.TERMINATED && move[0].state() != InstanceState.TERMINATED) {
                terminated.computeIfAbsent(new RecordKey(move[1].ownerId(), move[1].region(), ""),
                        unused -> new LinkedHashSet<>()).add(move[1].id());
            }
        }
        terminated.forEach((scope, ids) -> volumes.instancesTerminated(batch, scope.account(), scope.region(), ids));
    }
}
