package dev.gureum.core.storage;

import java.time.Instant;

/** A volume's attachment to an instance at a device name; its state is attaching, attached or detaching. */
public record VolumeAttachment(String instanceId, String device, String state, Instant attachTime,
                               boolean deleteOnTermination) {

    public VolumeAttachment withState(String newState) {
        return new VolumeAttachment(instanceId, device, newState, attachTime, deleteOnTermination);
    }

    public VolumeAttachment withDeleteOnTermination(boolean newDeleteOnTermination) {
        return new VolumeAttachment(instanceId, device, state, attachTime, newDeleteOnTermination);
    }
}
