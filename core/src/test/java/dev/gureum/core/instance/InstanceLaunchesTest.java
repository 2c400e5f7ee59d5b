package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.storage.StorageRecords;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.storage.VolumeState;
import dev.gureum.core.store.Versioned;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceLaunchesTest {

    @Test
    void launchRecordsPendingInstancesOfOneReservationThenTellsTheRuntime() {
        InstanceWorld world = new InstanceWorld();
        List<Instance> launched = world.launch(3);
        assertEquals(3, launched.size());
        assertEquals(1, launched.stream().map(Instance::reservationId).distinct().count());
        assertEquals(List.of(0, 1, 2), launched.stream().map(Instance::amiLaunchIndex).toList());
        assertTrue(launched.stream().allMatch(instance -> instance.state() == InstanceState.PENDING
                && instance.availabilityZone().equals(launched.get(0).availabilityZone())));
        assertEquals(launched.stream().map(instance -> "launch " + instance.id()).toList(), world.runtime.commands);
        assertEquals("unlimited", launched.get(0).cpuCredits());
        assertEquals("web", world.current(launched.get(0).id()).tags().get(0).value());
    }

    @Test
    void maxCountIsCutToTheQuotaAndMinCountAboveItIsRefused() {
        InstanceWorld world = new InstanceWorld(new Quotas(5, 1000));
        assertEquals(5, world.launches.launch(world.context(), InstanceWorld.request("t3.micro", 1, 10)).size());
        assertCode("InstanceLimitExceeded",
                () -> world.launches.launch(world.context(), InstanceWorld.request("t3.micro", 1, 1)));
    }

    @Test
    void zoneCapacityIsInsufficientInstanceCapacity() {
        InstanceWorld world = new InstanceWorld(new Quotas(100, 64));
        assertCode("InsufficientInstanceCapacity",
                () -> world.launches.launch(world.context(), InstanceWorld.request("p5.48xlarge", 1, 1)));
    }

    @Test
    void typeNotOfferedInTheZoneIsUnsupported() {
        InstanceWorld world = new InstanceWorld(new Quotas(100, 100_000));
        LaunchRequest inZoneB = new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "p5.48xlarge", 1, 1, null, null,
                "us-east-1b", null, null, null, null, null, null, null, null, List.of(), null, List.of());
        CloudException refusal = assertCode("Unsupported", () -> world.launches.launch(world.context(), inZoneB));
        assertTrue(refusal.getMessage().contains("us-east-1a"), refusal.getMessage());
    }

    @Test
    void architectureOfTypeAndImageMustMatch() {
        InstanceWorld world = new InstanceWorld();
        assertCode("InvalidParameterValue",
                () -> world.launches.launch(world.context(), InstanceWorld.request("m7g.large", 1, 1)));
    }

    @Test
    void userDataIsLimitedTo16Kibibytes() {
        InstanceWorld world = new InstanceWorld();
        String tooLong = Base64.getEncoder().encodeToString(new byte[16 * 1024 + 1]);
        LaunchRequest request = new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro", 1, 1, null, tooLong,
                null, null, null, null, null, null, null, null, null, List.of(), null, List.of());
        assertCode("InvalidParameterValue", () -> world.launches.launch(world.context(), request));
    }

    @Test
    void clientTokenReturnsTheSameReservationAndRefusesADifferentRequest() {
        InstanceWorld world = new InstanceWorld();
        LaunchRequest first = withToken(InstanceWorld.request("t3.micro", 2, 2), "token-1");
        List<Instance> launched = world.launches.launch(world.context(), first);
        assertEquals(launched.stream().map(Instance::id).toList(),
                world.launches.launch(world.context(), first).stream().map(Instance::id).toList());
        assertEquals(2, world.runtime.commands.size(), "a repeated token launches nothing");
        assertCode("IdempotentParameterMismatch", () -> world.launches.launch(world.context(),
                withToken(InstanceWorld.request("m7i.large", 2, 2), "token-1")));
    }

    @Test
    void eachInstanceGetsItsRootVolumeAttachedAndDeletedWithIt() {
        InstanceWorld world = new InstanceWorld();
        Instance instance = world.launch(1).get(0);
        List<Volume> volumes = world.store.list(StorageRecords.VOLUMES, InstanceWorld.ACCOUNT, InstanceWorld.REGION)
                .stream().map(Versioned::value).toList();
        assertEquals(1, volumes.size());
        Volume root = volumes.get(0);
        assertEquals(List.of(instance.id(), "/dev/xvda", "attached"), List.of(root.attachments().get(0).instanceId(),
                root.attachments().get(0).device(), root.attachments().get(0).state()));
        assertEquals(List.of(8, VolumeState.IN_USE, instance.availabilityZone()),
                List.of(root.sizeGiB(), root.state(), root.availabilityZone()));
        assertTrue(world.blocks.holds(root.disk()), "its bytes exist before the launch is answered");

        world.commands.apply(world.context(), List.of(instance.id()), InstanceEvent.TERMINATE);
        world.observe(instance.id(), InstanceEvent.OBSERVED_GONE);
        assertTrue(world.store.list(StorageRecords.VOLUMES, InstanceWorld.ACCOUNT, InstanceWorld.REGION).isEmpty());
        assertEquals(0, world.blocks.diskCount(), "DeleteOnTermination freed the root volume's bytes");
    }

    @Test
    void aFullDiskRefusesTheLaunchAndRecordsNothing() {
        InstanceWorld world = new InstanceWorld();
        world.blocks.fill();
        assertCode("InsufficientVolumeCapacity", () -> world.launch(2));
        assertEquals(world.networkRecords, world.records.size());
        assertEquals(List.of(), world.runtime.commands);
        assertEquals(0, world.blocks.diskCount());
    }

    @Test
    void dryRunChecksEverythingAndChangesNothing() {
        InstanceWorld world = new InstanceWorld();
        world.launches.launch(world.dryRun(), InstanceWorld.request("t3.micro", 1, 1));
        assertEquals(world.networkRecords, world.records.size());
        assertEquals(List.of(), world.runtime.commands);
        assertEquals(0, world.blocks.diskCount(), "a dry run makes no bytes");
        assertCode("InvalidKeyPair.NotFound", () -> world.launches.launch(world.dryRun(),
                new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro", 1, 1, "missing", null, null, null, null,
                        null, null, null, null, null, null, List.of(), null, List.of())));
    }

    @Test
    void badCountsAndShutdownBehaviourAreInvalidParameterValue() {
        InstanceWorld world = new InstanceWorld();
        assertCode("InvalidParameterValue",
                () -> world.launches.launch(world.context(), InstanceWorld.request("t3.micro", 0, 1)));
        assertCode("InvalidParameterValue",
                () -> world.launches.launch(world.context(), InstanceWorld.request("t3.micro", 3, 2)));
        assertCode("InvalidParameterValue", () -> world.launches.launch(world.context(), new LaunchRequest(
                FakeLaunchCatalog.X86_IMAGE, "t3.micro", 1, 1, null, null, null, null, null, null, null, "hibernate",
                null, null, null, List.of(), null, List.of())));
    }

    static CloudException assertCode(String code, Runnable call) {
        CloudException refusal = assertThrows(CloudException.class, call::run);
        assertEquals(code, refusal.code().code(), refusal.getMessage());
        return refusal;
    }

    private static LaunchRequest withToken(LaunchRequest request, String token) {
        return new LaunchRequest(request.imageId(), request.instanceType(), request.minCount(), request.maxCount(),
                request.keyName(), request.userData(), request.availabilityZone(), request.monitoring(),
                request.ebsOptimized(), request.disableApiTermination(), request.disableApiStop(),
                request.shutdownBehavior(), request.cpuCredits(), request.metadataOptions(), token,
                request.instanceTags(), null, List.of());
    }
}
