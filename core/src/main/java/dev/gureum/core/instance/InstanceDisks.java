package dev.gureum.core.instance;

import dev.gureum.core.runtime.AttachedDisk;
import dev.gureum.core.storage.Disk;
import dev.gureum.core.storage.InstanceStoreDisks;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeAttachment;
import dev.gureum.core.storage.VolumeAttachments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The disks an instance boots with besides its root: the EBS volumes attached to it (not the root volume,
 * which the runtime serves from the image, and not those on their way out) by device name, then its type's
 * instance-store disks ({@code ephemeral0}, …).
 */
public final class InstanceDisks {
    private static final long GIGABYTE = 1_000_000_000L;

    private final VolumeAttachments attachments;
    private final LaunchCatalog catalog;

    public InstanceDisks(VolumeAttachments attachments, LaunchCatalog catalog) {
        this.attachments = attachments;
        this.catalog = catalog;
    }

    public List<AttachedDisk> of(Instance instance) {
        List<AttachedDisk> disks = new ArrayList<>();
        for (Map.Entry<Volume, VolumeAttachment> attached : attachments.volumesOf(instance.ownerId(), instance.region(),
                instance.id())) {
            VolumeAttachment attachment = attached.getValue();
            if (!attachment.device().equals(instance.rootDeviceName()) && isBooting(attachment.state())) {
                disks.add(new AttachedDisk(attachment.device(), Disk.volume(instance.ownerId(), instance.region(),
                        attached.getKey().id()), attached.getKey().sizeBytes()));
            }
        }
        disks.sort(Comparator.comparing(AttachedDisk::device));
        LaunchCatalog.InstanceStore storage = catalog.type(instance.instanceType()).instanceStore();
        if (storage != null) {
            for (int index = 0; index < storage.disks(); index++) {
                disks.add(new AttachedDisk(InstanceStoreDisks.virtualName(index), InstanceStoreDisks.disk(
                        instance.ownerId(), instance.region(), instance.id(), index),
                        storage.diskSizeGigabytes() * GIGABYTE));
            }
        }
        return disks;
    }

    private static boolean isBooting(String attachmentState) {
        return "attaching".equals(attachmentState) || "attached".equals(attachmentState);
    }
}
