package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The instance lifecycle through the real SDK, its waiters, and EC2's error codes for the bad cases. */
class InstancesIT {
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static String debian;

    @BeforeAll
    static void start() {
        server = GureumProcess.start();
        ec2 = Clients.ec2(server.endpoint());
        debian = Ec2PlatformIT.debianImage(ec2);
    }

    @AfterAll
    static void stop() {
        ec2.close();
        server.close();
    }

    private static RunInstancesResponse run(int count, String name) {
        return ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(count)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Name").value(name).build()).build()));
    }

    @Test
    void launchStopStartTerminateWithWaiters() {
        RunInstancesResponse launched = run(3, "web");
        assertEquals(3, launched.instances().size());
        assertTrue(launched.reservationId().matches("r-[0-9a-f]{17}"));
        assertEquals(List.of(0, 1, 2), launched.instances().stream().map(Instance::amiLaunchIndex).toList());
        Instance first = launched.instances().get(0);
        assertEquals(InstanceStateName.PENDING, first.state().name());
        assertEquals(0, first.state().code());
        assertTrue(first.instanceId().matches("i-[0-9a-f]{17}"));
        String id = first.instanceId();
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id));

        InstanceStateChange stopping = ec2.stopInstances(r -> r.instanceIds(id)).stoppingInstances().get(0);
        assertEquals(InstanceStateName.RUNNING, stopping.previousState().name());
        assertEquals(InstanceStateName.STOPPING, stopping.currentState().name());
        ec2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(id));
        Instance stopped = describe(id);
        assertTrue(stopped.stateTransitionReason().matches("User initiated \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d GMT\\)"),
                stopped.stateTransitionReason());
        assertEquals("Client.UserInitiatedShutdown", stopped.stateReason().code());

        assertEquals(InstanceStateName.STOPPED, ec2.stopInstances(r -> r.instanceIds(id)).stoppingInstances().get(0)
                .currentState().name(), "stopping a stopped instance is a no-op");
        assertEquals(InstanceStateName.PENDING, ec2.startInstances(r -> r.instanceIds(id)).startingInstances().get(0)
                .currentState().name());
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id));

        InstanceStateChange terminating = ec2.terminateInstances(r -> r.instanceIds(id)).terminatingInstances().get(0);
        assertEquals(InstanceStateName.SHUTTING_DOWN, terminating.currentState().name());
        ec2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(id));
        assertEquals(48, describe(id).state().code());
        Ec2PlatformIT.assertError(400, "IncorrectInstanceState", () -> ec2.startInstances(r -> r.instanceIds(id)));
        Ec2PlatformIT.assertError(400, "IncorrectInstanceState", () -> ec2.stopInstances(r -> r.instanceIds(id)));
    }

    @Test
    void filtersByTagAndState() {
        String tag = "filter-" + System.nanoTime();
        List<String> ids = run(2, tag).instances().stream().map(Instance::instanceId).toList();
        ec2.stopInstances(r -> r.instanceIds(ids.get(0)));
        DescribeInstancesResponse running = ec2.describeInstances(r -> r.filters(
                Filter.builder().name("tag:Name").values(tag).build(),
                Filter.builder().name("instance-state-name").values("running").build()));
        assertEquals(List.of(ids.get(1)), running.reservations().stream().flatMap(reservation ->
                reservation.instances().stream()).map(Instance::instanceId).toList());
        assertEquals(2, ec2.describeInstances(r -> r.filters(Filter.builder().name("tag-key").values("Name").build(),
                Filter.builder().name("instance-type").values("t3.*").build(),
                Filter.builder().name("tag:Name").values(tag).build())).reservations().get(0).instances().size());
        Ec2PlatformIT.assertError(400, "InvalidParameterValue", () -> ec2.describeInstances(r -> r.filters(
                Filter.builder().name("no-such-filter").values("x").build())));
    }

    /**
     * Pages cut the one listing into parts: the same instances in the same order, each reservation's together, so
     * that a reservation is split only where a page ends.
     */
    @Test
    void paginationWalksEveryInstanceOnceInTheListingsOrder() {
        String tag = "page-" + System.nanoTime();
        run(7, tag);
        run(6, tag);
        Filter named = Filter.builder().name("tag:Name").values(tag).build();
        List<software.amazon.awssdk.services.ec2.model.Reservation> paged = ec2.describeInstancesPaginator(r -> r
                .maxResults(5).filters(named)).reservations().stream().toList();
        List<String> seen = paged.stream().flatMap(reservation -> reservation.instances().stream())
                .map(Instance::instanceId).toList();
        assertEquals(13, seen.size());
        assertEquals(13, seen.stream().distinct().count());
        List<String> whole = ec2.describeInstances(r -> r.filters(named)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).map(Instance::instanceId).toList();
        assertEquals(whole, seen);
        assertTrue(paged.size() <= 2 + 2, "two reservations over three pages are at most four parts: " + paged.size());
    }

    @Test
    void badLaunchesAnswerEc2Codes() {
        Ec2PlatformIT.assertError(400, "InvalidAMIID.Malformed", () -> ec2.runInstances(r -> r.imageId("ami-12")
                .minCount(1).maxCount(1)));
        Ec2PlatformIT.assertError(400, "InvalidAMIID.NotFound", () -> ec2.runInstances(r -> r
                .imageId("ami-0123456789abcdef0").minCount(1).maxCount(1)));
        Ec2PlatformIT.assertError(400, "InvalidKeyPair.NotFound", () -> ec2.runInstances(r -> r.imageId(debian)
                .instanceType("t3.micro").keyName("nobody").minCount(1).maxCount(1)));
        Ec2PlatformIT.assertError(400, "InvalidParameterValue", () -> ec2.runInstances(r -> r.imageId(debian)
                .instanceType("t3.enormous").minCount(1).maxCount(1)));
        Ec2PlatformIT.assertError(400, "MissingParameter", () -> ec2.runInstances(r -> r.imageId(debian)));
        Ec2PlatformIT.assertError(400, "InstanceLimitExceeded", () -> ec2.runInstances(r -> r.imageId(debian)
                .instanceType("t3.micro").minCount(500).maxCount(500)));
        Ec2PlatformIT.assertError(400, "InvalidInstanceID.Malformed", () -> ec2.stopInstances(r -> r.instanceIds("i-1")));
        Ec2PlatformIT.assertError(400, "InvalidInstanceID.NotFound", () -> ec2.stopInstances(r -> r
                .instanceIds("i-0123456789abcdef0")));
        Ec2PlatformIT.assertError(412, "DryRunOperation", () -> ec2.runInstances(r -> r.imageId(debian)
                .instanceType("t3.micro").minCount(1).maxCount(1).dryRun(true)));
    }

    @Test
    void clientTokenMakesRunInstancesIdempotent() {
        String token = "token-" + System.nanoTime();
        RunInstancesResponse first = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1)
                .maxCount(1).clientToken(token));
        RunInstancesResponse again = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1)
                .maxCount(1).clientToken(token));
        assertEquals(first.reservationId(), again.reservationId());
        assertEquals(first.instances().get(0).instanceId(), again.instances().get(0).instanceId());
        Ec2PlatformIT.assertError(400, "IdempotentParameterMismatch", () -> ec2.runInstances(r -> r.imageId(debian)
                .instanceType("t3.small").minCount(1).maxCount(1).clientToken(token)));
    }

    @Test
    void disableApiTerminationProtectsTheInstance() {
        String id = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(1)
                .disableApiTermination(true)).instances().get(0).instanceId();
        Ec2PlatformIT.assertError(400, "OperationNotPermitted", () -> ec2.terminateInstances(r -> r.instanceIds(id)));
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(a -> a.value(false)));
        ec2.terminateInstances(r -> r.instanceIds(id));
        Ec2PlatformIT.assertError(400, "IncorrectInstanceState", () -> ec2.modifyInstanceAttribute(r -> r
                .instanceId(id).instanceType(t -> t.value("t3.small"))));
    }

    @Test
    void instanceTypeChangesOnlyWhileStopped() {
        String id = run(1, "resize").instances().get(0).instanceId();
        Ec2PlatformIT.assertError(400, "IncorrectInstanceState", () -> ec2.modifyInstanceAttribute(r -> r
                .instanceId(id).instanceType(t -> t.value("t3.small"))));
        ec2.stopInstances(r -> r.instanceIds(id));
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(t -> t.value("t3.small")));
        assertEquals("t3.small", ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("instanceType"))
                .instanceType().value());
        assertEquals("unlimited", ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(id))
                .instanceCreditSpecifications().get(0).cpuCredits());
    }

    private static Instance describe(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }
}
