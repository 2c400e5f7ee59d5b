package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The running counts launches are measured against, through every move of an instance's life. */
class InstanceUsageTest {
    private final InstanceWorld world = new InstanceWorld();

    @Test
    void countsFollowAnInstanceFromLaunchToTermination() {
        Instance launched = world.launch(2).get(0);
        String zone = launched.availabilityZone();
        int vcpus = world.catalog.type("t3.micro").vcpus();
        assertCounts(2 * vcpus, 2, zone, "pending instances hold their zone");

        world.observe(launched.id(), InstanceEvent.OBSERVED_RUNNING);
        assertCounts(2 * vcpus, 2, zone, "running counts as pending did");

        world.commands.apply(world.context(), List.of(launched.id()), InstanceEvent.STOP);
        assertCounts(2 * vcpus, 2, zone, "stopping still holds its host");
        world.observe(launched.id(), InstanceEvent.OBSERVED_STOPPED);
        assertCounts(vcpus, 2, zone, "a stopped instance holds no vCPUs but still counts for the quota");

        world.commands.apply(world.context(), List.of(launched.id()), InstanceEvent.TERMINATE);
        world.observe(launched.id(), InstanceEvent.OBSERVED_GONE);
        assertCounts(vcpus, 1, zone, "a terminated instance counts for nothing");
    }

    @Test
    void aChangeOfTypeMovesTheVcpusEvenWhenTheStateStays() {
        Instance launched = world.launch(1).get(0);
        String zone = launched.availabilityZone();
        Instance current = world.current(launched.id());
        Instance larger = current.withAttributes(current.attributes().withInstanceType("p5.48xlarge"));

        world.usage.changed(current, larger);

        assertCounts(world.catalog.type("p5.48xlarge").vcpus(), 1, zone, "the larger type's vCPUs, not the smaller's");
    }

    private void assertCounts(long vcpus, long instances, String zone, String why) {
        assertEquals(List.of(vcpus, instances), List.of(world.usage.vcpus(InstanceWorld.REGION, zone),
                world.usage.instances(InstanceWorld.ACCOUNT, InstanceWorld.REGION)), why);
    }
}
