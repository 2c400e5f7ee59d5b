package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.runtime.AttachedDisk;
import dev.gureum.core.runtime.LaunchSpec;
import dev.gureum.core.storage.Disk;
import dev.gureum.core.storage.StorageRecords;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeService;
import dev.gureum.core.storage.VolumeState;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Versioned;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the runtime is told of an instance's disks, and how AttachVolume and DetachVolume reach it. */
class InstanceDisksTest {

    private static InstanceWorld world() {
        InstanceWorld world = new InstanceWorld();
        InstanceDisks disks = new InstanceDisks(world.attachments, world.catalog);
        world.launches.describeDisksWith(disks);
        world.commands.describeDisksWith(disks);
        world.attachments.useRuntime(world.runtime);
        return world;
    }

    @Test
    void theRootVolumeIsNotADiskButAnAttachedVolumeIsInTheNextStartsSpec() {
        InstanceWorld world = world();
        Instance instance = world.launch(1).get(0);
        assertEquals(List.of(), world.runtime.specs.get(0).disks(), "the root is the image, not a disk");
        world.observe(instance.id(), InstanceEvent.OBSERVED_RUNNING);

        String volumeId = volume(world, instance);
        world.attachments.attach(world.context(), volumeId, instance.id(), "/dev/sdf");
        assertTrue(world.runtime.commands.contains("attach " + volumeId + " to " + instance.id() + " at /dev/sdf"),
                world.runtime.commands.toString());

        world.commands.apply(world.context(), List.of(instance.id()), InstanceEvent.STOP);
        world.observe(instance.id(), InstanceEvent.OBSERVED_STOPPED);
        world.commands.apply(world.context(), List.of(instance.id()), InstanceEvent.START);
        LaunchSpec started = world.runtime.specs.get(world.runtime.specs.size() - 1);
        assertEquals(List.of(new AttachedDisk("/dev/sdf", Disk.volume(InstanceWorld.ACCOUNT, InstanceWorld.REGION,
                volumeId), 1L << 30)), started.disks());
    }

    @Test
    void aVolumeInUseStaysBusyUntilAForcedDetach() {
        InstanceWorld world = world();
        Instance instance = world.launch(1).get(0);
        world.observe(instance.id(), InstanceEvent.OBSERVED_RUNNING);
        String volumeId = volume(world, instance);
        world.attachments.attach(world.context(), volumeId, instance.id(), "/dev/sdf");
        world.runtime.volumesInUse = true;

        assertEquals("detaching", world.attachments.detach(world.context(), volumeId, null, null, false).state());
        Volume busy = stored(world, volumeId);
        assertEquals(List.of(VolumeState.IN_USE, "busy"), List.of(busy.state(), busy.attachments().get(0).state()));

        world.attachments.detach(world.context(), volumeId, null, null, true);
        Volume detached = stored(world, volumeId);
        assertEquals(List.of(VolumeState.AVAILABLE, List.of()), List.of(detached.state(), detached.attachments()));
        assertTrue(world.runtime.commands.contains("detach " + volumeId + " from " + instance.id() + " forced"));
    }

    @Test
    void aTypeWithInstanceStoreBootsWithItsDisks() {
        InstanceWorld world = world();
        Instance instance = world.launches.launch(world.context(), InstanceWorld.request("m5d.large", 1, 1)).get(0);
        assertEquals(List.of(new AttachedDisk("ephemeral0", Disk.instanceStore(InstanceWorld.ACCOUNT,
                InstanceWorld.REGION, instance.id(), "ephemeral0"), 75_000_000_000L)),
                world.runtime.specs.get(0).disks());
    }

    private static String volume(InstanceWorld world, Instance instance) {
        Volume volume = world.volumes.create(world.context(), new VolumeService.Request(instance.availabilityZone(),
                null, 1, "gp3", null, null, null, null, null, null, List.of(), null));
        return volume.id();
    }

    private static Volume stored(InstanceWorld world, String volumeId) {
        return world.store.get(StorageRecords.VOLUMES, new RecordKey(InstanceWorld.ACCOUNT, InstanceWorld.REGION,
                volumeId)).map(Versioned::value).orElseThrow();
    }
}
