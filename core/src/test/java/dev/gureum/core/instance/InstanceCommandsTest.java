package dev.gureum.core.instance;

import static dev.gureum.core.instance.InstanceLaunchesTest.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.billing.BillingRecords;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceCommandsTest {

    @Test
    void runtimeReportsMoveInstancesThroughTheTable() {
        InstanceWorld world = new InstanceWorld();
        String id = world.launch(1).get(0).id();
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        assertEquals(InstanceState.RUNNING, world.current(id).state());
        assertEquals(null, world.current(id).stateReason());

        List<StateChange> stopping = world.commands.apply(world.context(), List.of(id), InstanceEvent.STOP);
        assertEquals(List.of(new StateChange(id, InstanceState.RUNNING, InstanceState.STOPPING)), stopping);
        assertEquals("stop " + id, world.runtime.commands.get(1));
        assertEquals("User initiated (2026-11-29 10:00:00 GMT)", world.current(id).stateTransitionReason());
        world.observe(id, InstanceEvent.OBSERVED_STOPPED);
        assertEquals(InstanceState.STOPPED, world.current(id).state());
        assertEquals("Client.UserInitiatedShutdown", world.current(id).stateReason().code());
    }

    @Test
    void repeatingACommandChangesNothingAndCallsNoRuntime() {
        InstanceWorld world = new InstanceWorld();
        String id = world.launch(1).get(0).id();
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        List<StateChange> again = world.commands.apply(world.context(), List.of(id), InstanceEvent.START);
        assertEquals(List.of(new StateChange(id, InstanceState.RUNNING, InstanceState.RUNNING)), again);
        assertEquals(List.of("launch " + id), world.runtime.commands);
    }

    @Test
    void refusedCommandIsIncorrectInstanceStateAndChangesNoInstanceOfTheCall() {
        InstanceWorld world = new InstanceWorld();
        List<String> ids = world.launch(2).stream().map(Instance::id).toList();
        world.observe(ids.get(0), InstanceEvent.OBSERVED_RUNNING);
        assertCode("IncorrectInstanceState", () -> world.commands.apply(world.context(), ids, InstanceEvent.STOP));
        assertEquals(InstanceState.RUNNING, world.current(ids.get(0)).state(), "the batch is all or nothing");
    }

    @Test
    void protectedInstancesRefuseStopAndTerminate() {
        InstanceWorld world = new InstanceWorld();
        LaunchRequest request = new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro", 1, 1, null, null, null,
                null, null, true, true, null, null, null, null, List.of(), null, List.of());
        String id = world.launches.launch(world.context(), request).get(0).id();
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        assertCode("OperationNotPermitted", () -> world.commands.apply(world.context(), List.of(id), InstanceEvent.STOP));
        assertCode("OperationNotPermitted",
                () -> world.commands.apply(world.context(), List.of(id), InstanceEvent.TERMINATE));
    }

    @Test
    void failedLaunchShutsDownAndEndsTerminatedWithTheServerReason() {
        InstanceWorld world = new InstanceWorld();
        String id = world.launch(1).get(0).id();
        world.observe(id, InstanceEvent.OBSERVED_FAILED);
        assertEquals(InstanceState.SHUTTING_DOWN, world.current(id).state());
        assertEquals("terminate " + id, world.runtime.commands.get(1));
        world.observe(id, InstanceEvent.OBSERVED_GONE);
        assertEquals(InstanceState.TERMINATED, world.current(id).state());
        assertEquals("Server.InternalError", world.current(id).stateReason().code());
    }

    @Test
    void guestShutdownHonoursTheShutdownBehaviour() {
        InstanceWorld world = new InstanceWorld();
        LaunchRequest terminating = new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro", 1, 1, null, null, null,
                null, null, null, null, "terminate", null, null, null, List.of(), null, List.of());
        String id = world.launches.launch(world.context(), terminating).get(0).id();
        String stopper = world.launch(1).get(0).id();
        world.observe(id, InstanceEvent.OBSERVED_RUNNING);
        world.observe(stopper, InstanceEvent.OBSERVED_RUNNING);
        world.observe(id, InstanceEvent.OBSERVED_STOPPED);
        world.observe(stopper, InstanceEvent.OBSERVED_STOPPED);
        assertEquals(InstanceState.SHUTTING_DOWN, world.current(id).state());
        assertEquals("Client.InstanceInitiatedShutdown", world.current(id).stateReason().code(),
                "the instance's own doing, not a user's");
        assertEquals(InstanceState.STOPPED, world.current(stopper).state());
        assertEquals("Client.InstanceInitiatedShutdown", world.current(stopper).stateReason().code());
    }

    @Test
    void staleReportsAreIgnored() {
        InstanceWorld world = new InstanceWorld();
        String id = world.launch(1).get(0).id();
        world.observe(id, InstanceEvent.OBSERVED_GONE);
        world.observe(id, InstanceEvent.OBSERVED_STOPPED);
        assertEquals(InstanceState.PENDING, world.current(id).state());
    }

    @Test
    void reconcileReissuesTheCommandsOfInstancesCaughtMidTransition() {
        InstanceWorld world = new InstanceWorld();
        List<String> ids = world.launch(3).stream().map(Instance::id).sorted().toList();
        world.observe(ids.get(1), InstanceEvent.OBSERVED_RUNNING);
        world.observe(ids.get(2), InstanceEvent.OBSERVED_RUNNING);
        world.commands.apply(world.context(), List.of(ids.get(1)), InstanceEvent.STOP);
        world.commands.apply(world.context(), List.of(ids.get(2)), InstanceEvent.TERMINATE);
        world.runtime.commands.clear();
        world.commands.reconcile();
        assertEquals(List.of("start " + ids.get(0), "stop " + ids.get(1), "terminate " + ids.get(2)),
                world.runtime.commands.stream().sorted(java.util.Comparator.comparing(command ->
                        command.substring(command.indexOf(' ') + 1))).toList());
    }

    @Test
    void terminatedInstancesAreSweptAfterAnHour() {
        InstanceWorld world = new InstanceWorld();
        String id = world.launch(1).get(0).id();
        world.clock.advance(Duration.ofSeconds(10));
        world.commands.apply(world.context(), List.of(id), InstanceEvent.TERMINATE);
        world.observe(id, InstanceEvent.OBSERVED_GONE);
        world.clock.advance(Duration.ofMinutes(59));
        assertEquals(0, world.commands.sweepExpired());
        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(1, world.commands.sweepExpired());
        assertEquals(world.networkRecords, world.records.size(), "the instance, its interface and its root volume"
                + " are gone");
        assertEquals(2, world.store.ledger(BillingRecords.LEDGER, InstanceWorld.ACCOUNT).get(InstanceWorld.REGION).size(),
                "the metered usage of the root volume and of the public address stays");
    }

    @Test
    void unknownAndMalformedIdsAnswerEc2Codes() {
        InstanceWorld world = new InstanceWorld();
        assertCode("InvalidInstanceID.Malformed",
                () -> world.commands.apply(world.context(), List.of("i-12"), InstanceEvent.STOP));
        assertCode("InvalidInstanceID.NotFound",
                () -> world.commands.apply(world.context(), List.of("i-0123456789abcdef0"), InstanceEvent.STOP));
    }
}
