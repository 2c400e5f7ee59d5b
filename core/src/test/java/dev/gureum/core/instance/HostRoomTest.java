package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.runtime.HostCapacity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RunInstances and StartInstances held to what the runtime's host holds, by vCPUs and memory. */
class HostRoomTest {
    private static final long PLENTY = 1_000_000;

    @Test
    void aLaunchPastTheHostIsRefusedBeforeAnythingIsRecorded() {
        InstanceWorld world = world(4, PLENTY);
        CloudException refusal = assertCode("InsufficientInstanceCapacity",
                () -> world.launches.launch(world.context(), InstanceWorld.request("t3.micro", 3, 3)));
        assertTrue(refusal.getMessage().startsWith("We currently do not have sufficient t3.micro capacity in the"
                + " Availability Zone you requested (us-east-1"), refusal.getMessage());
        assertEquals(500, refusal.code().httpStatus());
        assertEquals(List.of(), world.runtime.commands, "a refused launch boots nothing");
        assertEquals(0, world.usage.hostLoad().vcpus(), "and records no instance");
    }

    @Test
    void maxCountIsCutToWhatTheHostHoldsAndMinCountAboveItIsRefused() {
        InstanceWorld world = world(5, PLENTY);
        assertEquals(2, world.launches.launch(world.context(), InstanceWorld.request("t3.micro", 1, 5)).size());
        assertCode("InsufficientInstanceCapacity",
                () -> world.launches.launch(world.context(), InstanceWorld.request("t3.micro", 1, 1)));
        assertEquals(1, world.launches.launch(world.context(), InstanceWorld.request("m1.small", 1, 3)).size(),
                "the one vCPU left still holds a one-vCPU type");
    }

    @Test
    void memoryBindsAsVcpusDo() {
        InstanceWorld world = world(PLENTY, 20_000);
        assertEquals(2, world.launches.launch(world.context(), InstanceWorld.request("m7i.large", 1, 5)).size());
        assertCode("InsufficientInstanceCapacity",
                () -> world.launches.launch(world.context(), InstanceWorld.request("m7i.large", 1, 1)));
    }

    @Test
    void oneHostHoldsTheInstancesOfEveryZone() {
        InstanceWorld world = world(4, PLENTY);
        world.launches.launch(world.context(), inZone("us-east-1a"));
        world.launches.launch(world.context(), inZone("us-east-1b"));
        CloudException refusal = assertCode("InsufficientInstanceCapacity",
                () -> world.launches.launch(world.context(), inZone("us-east-1c")));
        assertTrue(refusal.getMessage().contains("(us-east-1c)"), refusal.getMessage());
    }

    @Test
    void stoppedAndTerminatedInstancesLeaveRoomAndStartingOneWithoutRoomIsRefused() {
        InstanceWorld world = world(4, PLENTY);
        List<Instance> two = world.launch(2);
        two.forEach(instance -> world.observe(instance.id(), InstanceEvent.OBSERVED_RUNNING));
        String stopped = two.get(0).id();
        world.commands.apply(world.context(), List.of(stopped), InstanceEvent.STOP);
        world.observe(stopped, InstanceEvent.OBSERVED_STOPPED);
        String taker = world.launch(1).get(0).id();

        CloudException refusal = assertCode("InsufficientInstanceCapacity",
                () -> world.commands.apply(world.context(), List.of(stopped), InstanceEvent.START));
        assertTrue(refusal.getMessage().contains("sufficient t3.micro capacity"), refusal.getMessage());
        assertEquals(InstanceState.STOPPED, world.current(stopped).state());

        world.commands.apply(world.context(), List.of(taker), InstanceEvent.TERMINATE);
        world.observe(taker, InstanceEvent.OBSERVED_GONE);
        world.commands.apply(world.context(), List.of(stopped), InstanceEvent.START);
        assertEquals(InstanceState.PENDING, world.current(stopped).state());
    }

    @Test
    void aRuntimeWithoutCapacityHoldsAnything() {
        InstanceWorld world = new InstanceWorld(new Quotas(1000, 100_000));
        assertEquals(Long.MAX_VALUE, HostRoom.fitting(Optional.empty(), world.usage,
                new FakeLaunchCatalog().type("p5.48xlarge")));
        assertEquals(300, world.launches.launch(world.context(), InstanceWorld.request("t3.micro", 300, 300)).size());
    }

    private static InstanceWorld world(long vcpus, long memoryMebibytes) {
        InstanceWorld world = new InstanceWorld(new Quotas(100, 10_000));
        world.runtime.capacity = Optional.of(new HostCapacity(vcpus, memoryMebibytes));
        return world;
    }

    private static LaunchRequest inZone(String zone) {
        return new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro", 1, 1, null, null, zone, null, null, null,
                null, null, null, null, null, List.of(), null, List.of());
    }

    private static CloudException assertCode(String code, org.junit.jupiter.api.function.Executable call) {
        CloudException refusal = assertThrows(CloudException.class, call);
        assertEquals(code, refusal.code().code());
        return refusal;
    }
}
