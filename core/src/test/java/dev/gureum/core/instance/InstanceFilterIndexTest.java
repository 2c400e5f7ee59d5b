package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.filter.Filter;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.tag.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DescribeInstances narrowed by a state name or a tag that few instances hold reads those through the index,
 * and answers exactly what walking every instance answers; other filters, and filters most instances match,
 * are left to the walk.
 */
class InstanceFilterIndexTest {
    private static final Filter NEEDLE = new Filter("tag:Name", List.of("needle"));
    private static final Filter RUNNING = new Filter("instance-state-name", List.of("running"));

    private final InstanceWorld world = new InstanceWorld(new Quotas(100, 1000));
    private final InstanceFilterIndex index = new InstanceFilterIndex(world.store);
    private final List<Instance> hay = launch("hay", 12);
    private final List<Instance> needles = launch("needle", 2);

    @Test
    void aTagFewInstancesHoldIsReadThroughTheIndexAndAnsweredAsAWalkAnswersIt() {
        running(hay);
        running(needles);

        assertEquals(Optional.of(ids(needles)), index.candidates(world.context(), List.of(NEEDLE, RUNNING)).map(this::ids));
        assertEquals(ids(needles), described(NEEDLE, RUNNING));
        assertEquals(described(new Filter("tag:Name", List.of("needl?")), RUNNING), described(NEEDLE, RUNNING),
                "a wildcard walks every instance and finds the same");
        assertEquals(List.of(), described(NEEDLE, new Filter("instance-state-name", List.of("stopped"))),
                "every filter still applies to the instances the index hands over");
    }

    @Test
    void filtersMostInstancesMatchWildcardsAndOtherNamesAreLeftToTheWalk() {
        running(hay);
        running(needles);

        assertEquals(Optional.empty(), index.candidates(world.context(), List.of(RUNNING)), "14 of 14 run");
        assertEquals(Optional.empty(), index.candidates(world.context(), List.of(new Filter("tag:Name", List.of("n*")))));
        assertEquals(Optional.empty(), index.candidates(world.context(), List.of(new Filter("instance-type",
                List.of("t3.micro")))));
        assertEquals(Optional.empty(), index.candidates(world.context(), List.of(new Filter("tag:Name", List.of("hay")))),
                "12 of 14");
        assertEquals(ids(needles), described(new Filter("tag:Name", List.of("needle", "n*"))));
    }

    @Test
    void stateChangesAndRetaggingMoveInstancesBetweenKeys() {
        running(hay);
        String pending = needles.get(0).id();
        world.observe(needles.get(1).id(), InstanceEvent.OBSERVED_RUNNING);
        Filter pendingOnly = new Filter("instance-state-name", List.of("pending"));
        assertEquals(List.of(pending), described(pendingOnly));

        world.observe(pending, InstanceEvent.OBSERVED_RUNNING);
        assertEquals(List.of(), described(pendingOnly));
        Instance retagged = world.current(hay.get(3).id());
        world.store.apply(new WriteBatch().put(InstanceRecords.INSTANCES, new RecordKey(InstanceWorld.ACCOUNT,
                InstanceWorld.REGION, retagged.id()), WriteBatch.ANY, retagged.withTags(List.of(new Tag("Name", "needle")))));
        assertEquals(ids(List.of(needles.get(0), needles.get(1), retagged)), described(NEEDLE));
        assertTrue(index.candidates(world.context(), List.of(NEEDLE)).isPresent());
    }

    @Test
    void terminatedInstancesShowForAnHourOnly() {
        running(hay);
        running(needles);
        world.commands.apply(world.context(), List.of(needles.get(0).id()), InstanceEvent.TERMINATE);
        world.observe(needles.get(0).id(), InstanceEvent.OBSERVED_GONE);

        world.clock.advance(Duration.ofMinutes(59));
        assertEquals(ids(needles), described(NEEDLE));
        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(needles.get(1).id()), described(NEEDLE));
        assertEquals(Optional.of(List.of(needles.get(1).id())),
                index.candidates(world.context(), List.of(NEEDLE)).map(this::ids));
    }

    private List<Instance> launch(String name, int count) {
        LaunchRequest request = new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro", count, count, null, null,
                null, null, null, null, null, null, null, null, null, List.of(new Tag("Name", name)), null, List.of());
        return world.launches.launch(world.context(), request);
    }

    private void running(List<Instance> instances) {
        instances.forEach(instance -> world.observe(instance.id(), InstanceEvent.OBSERVED_RUNNING));
    }

    private List<String> described(Filter... filters) {
        return ids(world.queries.describe(world.context(), List.of(), List.of(filters), null, null).items());
    }

    private List<String> ids(List<Instance> instances) {
        return instances.stream().map(Instance::id).sorted().toList();
    }
}
