package dev.gureum.core.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The EBS volumes attached to some instances, as DescribeInstances shows them in BlockDeviceMappings:
 * read once per call, by device name.
 */
public final class AttachedVolumes {
    private final Map<String, List<Attached>> byInstance = new HashMap<>();

    /** One attachment of a volume to an instance. */
    public record Attached(String volumeId, VolumeAttachment attachment) {
    }

    AttachedVolumes(List<Volume> volumes, java.util.Set<String> instanceIds) {
        for (Volume volume : volumes) {
            for (VolumeAttachment attachment : volume.attachments()) {
                if (instanceIds.contains(attachment.instanceId())) {
                    byInstance.computeIfAbsent(attachment.instanceId(), unused -> new ArrayList<>())
                            .add(new Attached(volume.id(), attachment));
                }
            }
        }
        byInstance.values().forEach(list -> list.sort(Comparator.comparing(attached -> attached.attachment().device())));
    }

    public List<Attached> of(String instanceId) {
        return byInstance.getOrDefault(instanceId, List.of());
    }
}
