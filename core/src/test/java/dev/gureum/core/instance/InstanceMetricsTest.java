package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.instancetype.InstanceTypeCatalog;
import dev.gureum.core.metrics.Ec2MetricPublisher;
import dev.gureum.core.metrics.MetricDimension;
import dev.gureum.core.metrics.MetricJournal;
import dev.gureum.core.metrics.MetricKey;
import dev.gureum.core.metrics.MetricQueries;
import dev.gureum.core.metrics.MetricService;
import dev.gureum.core.metrics.MetricStorage;
import dev.gureum.core.metrics.Stat;
import dev.gureum.core.metrics.TimedValue;
import dev.gureum.core.runtime.InstanceCounters;
import dev.gureum.core.runtime.StatusChecks;
import dev.gureum.core.tag.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cloud's AWS/EC2 and AWS/EBS metrics from the runtime's counters, on the manual clock. */
class InstanceMetricsTest {
    private static final InstanceTypeCatalog TYPES = InstanceTypeCatalog.load();
    private final InstanceWorld world = new InstanceWorld();
    private final MetricStorage storage = new MetricStorage(MetricJournal.none(), world.clock);
    private final MetricQueries queries = new MetricQueries(storage);
    private final Ec2MetricPublisher publisher = new Ec2MetricPublisher(world.store, world.runtime, TYPES::find,
            (account, region, instanceId) -> List.of("vol-0123456789abcdef0"), new MetricService(storage));
    private final Instant start = world.clock.now();

    private Instance running(boolean detailed) {
        Instance instance = world.launches.launch(world.context(), new LaunchRequest(FakeLaunchCatalog.X86_IMAGE,
                "t3.micro", 1, 1, null, null, null, detailed, null, null, null, null, null, null, null,
                List.of(new Tag("Name", "web")), null, List.of())).get(0);
        world.observe(instance.id(), InstanceEvent.OBSERVED_RUNNING);
        return instance;
    }

    /** Counters of a t3.micro (2 vCPUs) that ran {@code seconds} at {@code cpuPercent} with 1 kB/s in. */
    private void ran(Instance instance, double seconds, double cpuPercent) {
        world.runtime.counters.put(instance.id(), new InstanceCounters(seconds * 2 * cpuPercent / 100,
                (long) (seconds * 1000), 0, (long) seconds, 0, 0, 0, 0, 0, 0, (long) (seconds * 4096), 0,
                (long) seconds / 4));
    }

    private List<TimedValue> values(String namespace, String name, Stat.Standard stat, int period, MetricDimension... dimensions) {
        return queries.statistic(new MetricKey(InstanceWorld.ACCOUNT, InstanceWorld.REGION, namespace, name,
                List.of(dimensions)), Stat.standard(stat), period, start, world.clock.now(), null);
    }

    private void tickAfter(Duration duration) {
        world.clock.advance(duration);
        publisher.tick(world.clock.now());
    }

    @Test
    void basicMonitoringPublishesFiveMinutePeriodsPerInstanceOnly() {
        Instance instance = running(false);
        ran(instance, 0, 0);
        publisher.tick(start);
        ran(instance, 600, 85);
        tickAfter(Duration.ofMinutes(10));
        MetricDimension byId = new MetricDimension("InstanceId", instance.id());
        List<TimedValue> cpu = values("AWS/EC2", "CPUUtilization", Stat.Standard.Average, 300, byId);
        assertEquals(List.of(85.0, 85.0), cpu.stream().map(value -> Math.round(value.value() * 1000) / 1000.0).toList());
        assertEquals(List.of(start, start.plusSeconds(300)), cpu.stream().map(TimedValue::timestamp).toList());
        assertEquals(1, values("AWS/EC2", "CPUUtilization", Stat.Standard.SampleCount, 300, byId).get(0).value(),
                "one datapoint per five minutes");
        assertEquals(300_000, values("AWS/EC2", "NetworkIn", Stat.Standard.Sum, 300, byId).get(0).value(), 1);
        assertTrue(values("AWS/EC2", "CPUUtilization", Stat.Standard.Average, 300,
                new MetricDimension("InstanceType", "t3.micro")).isEmpty(), "aggregates need detailed monitoring");
        assertEquals(300 * 4096, values("AWS/EBS", "VolumeWriteBytes", Stat.Standard.Sum, 300,
                new MetricDimension("VolumeId", "vol-0123456789abcdef0")).get(0).value(), 1);
        assertEquals(85 * 2 * 300 / 100 / 60.0, values("AWS/EC2", "CPUCreditUsage", Stat.Standard.Sum, 300, byId)
                .get(0).value(), 0.001);
    }

    @Test
    void detailedMonitoringPublishesEveryMinuteAndIntoTheAggregates() {
        Instance instance = running(true);
        ran(instance, 0, 0);
        publisher.tick(start);
        ran(instance, 180, 40);
        tickAfter(Duration.ofMinutes(3));
        assertEquals(3, values("AWS/EC2", "CPUUtilization", Stat.Standard.Average, 60,
                new MetricDimension("InstanceId", instance.id())).size());
        assertEquals(40, values("AWS/EC2", "CPUUtilization", Stat.Standard.Average, 180,
                new MetricDimension("ImageId", instance.imageId())).get(0).value(), 0.001);
        assertEquals(3, values("AWS/EC2", "CPUUtilization", Stat.Standard.SampleCount, 180).get(0).value(),
                "the aggregate without dimensions");
    }

    @Test
    void statusCheckMetricsFollowTheRuntimesViewEveryMinute() {
        Instance instance = running(false);
        ran(instance, 0, 0);
        publisher.tick(start);
        tickAfter(Duration.ofMinutes(2));
        world.runtime.checks.put(instance.id(), new StatusChecks(true, false));
        tickAfter(Duration.ofMinutes(1));
        MetricDimension byId = new MetricDimension("InstanceId", instance.id());
        assertEquals(List.of(0.0, 0.0, 1.0), values("AWS/EC2", "StatusCheckFailed_Instance", Stat.Standard.Maximum, 60,
                byId).stream().map(TimedValue::value).toList());
        assertEquals(List.of(0.0, 0.0, 1.0), values("AWS/EC2", "StatusCheckFailed", Stat.Standard.Maximum, 60,
                byId).stream().map(TimedValue::value).toList());
        assertEquals(List.of(0.0, 0.0, 0.0), values("AWS/EC2", "StatusCheckFailed_System", Stat.Standard.Maximum, 60,
                byId).stream().map(TimedValue::value).toList());
        InstanceStatuses.View view = world.queries.statusOf(world.current(instance.id()));
        assertEquals("impaired", view.instance().status());
        assertEquals("failed", view.instance().reachability());
        assertEquals("ok", view.system().status());
    }

    @Test
    void onlyRunningInstancesPublish() {
        Instance instance = running(true);
        ran(instance, 0, 0);
        publisher.tick(start);
        world.commands.apply(world.context(), List.of(instance.id()), InstanceEvent.STOP);
        world.observe(instance.id(), InstanceEvent.OBSERVED_STOPPED);
        ran(instance, 600, 50);
        tickAfter(Duration.ofMinutes(10));
        assertTrue(values("AWS/EC2", "CPUUtilization", Stat.Standard.Average, 60,
                new MetricDimension("InstanceId", instance.id())).isEmpty());
    }
}
