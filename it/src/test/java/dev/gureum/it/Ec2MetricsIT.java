package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;

/**
 * The cloud's own metrics on the manual clock: a simulated instance's synthetic CPU load, set through the
 * admin endpoint, comes back as AWS/EC2 CPUUtilization (basic monitoring: 5-minute periods; detailed: every
 * minute and in the InstanceType aggregate), and an injected impairment shows in DescribeInstanceStatus and
 * in StatusCheckFailed.
 */
class Ec2MetricsIT {
    private static GureumProcess server;
    private static Ec2Client ec2;
    private static CloudWatchClient cloudWatch;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--clock", "manual");
        ec2 = Clients.ec2(server.endpoint());
        cloudWatch = CloudWatchClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @AfterAll
    static void stop() {
        cloudWatch.close();
        ec2.close();
        server.close();
    }

    private static String runningInstance() {
        String image = Ec2PlatformIT.debianImage(ec2);
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        server.awaitInstanceState(ec2, id, "running");
        return id;
    }

    /** Moves the clock on a minute at a time, letting each minute's sampling run. */
    private static void minutesPass(int minutes) throws InterruptedException {
        for (int i = 0; i < minutes; i++) {
            server.advanceClock(60);
            Thread.sleep(100);
        }
    }

    private static Instant cloudNow() {
        Matcher now = Pattern.compile("\"now\":\"([^\"]+)\"").matcher(server.admin("GET", "/_gureum/health"));
        assertTrue(now.find());
        return Instant.parse(now.group(1));
    }

    private static List<Datapoint> eventually(Supplier<List<Datapoint>> query, int atLeast) throws InterruptedException {
        List<Datapoint> points = query.get();
        for (int attempt = 0; attempt < 50 && points.size() < atLeast; attempt++) {
            Thread.sleep(100);
            points = query.get();
        }
        return points;
    }

    /** CPUUtilization over the last {@code minutes}, from a start aligned to the period. */
    private static List<Datapoint> cpu(Dimension dimension, int period, int minutes) {
        Instant now = cloudNow();
        long from = Math.floorDiv(now.getEpochSecond() - 60L * minutes, period) * period;
        return cloudWatch.getMetricStatistics(r -> r.namespace("AWS/EC2").metricName("CPUUtilization")
                .dimensions(dimension).startTime(Instant.ofEpochSecond(from)).endTime(now).period(period)
                .statistics(Statistic.AVERAGE, Statistic.SAMPLE_COUNT)).datapoints();
    }

    @Test
    void syntheticCpuLoadComesBackAsCpuUtilization() throws InterruptedException {
        String id = runningInstance();
        server.admin("POST", "/_gureum/load?instance=" + id + "&cpu=85&networkIn=2000");
        minutesPass(12);
        Dimension byInstance = Dimension.builder().name("InstanceId").value(id).build();
        List<Datapoint> points = eventually(() -> cpu(byInstance, 300, 12), 2);
        assertTrue(points.size() >= 2, "5-minute periods of basic monitoring: " + points);
        for (Datapoint point : points) {
            assertEquals(85.0, point.average(), 0.01, points.toString());
            assertEquals(1.0, point.sampleCount(), "one datapoint every five minutes");
        }
        assertTrue(cpu(Dimension.builder().name("InstanceType").value("t3.micro").build(), 300, 12).isEmpty(),
                "basic monitoring does not feed the aggregates");

        assertEquals("pending", ec2.monitorInstances(r -> r.instanceIds(id)).instanceMonitorings().get(0).monitoring()
                .stateAsString());
        assertEquals("enabled", ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                .monitoring().stateAsString());
        server.admin("POST", "/_gureum/load?instance=" + id + "&cpu=20");
        // the 5-minute period open when monitoring changed keeps its length (the cloud clock starts at the real
        // time, so it may have up to 5 minutes left); 1-minute periods follow it
        minutesPass(9);
        List<Datapoint> minutes = eventually(() -> cpu(byInstance, 60, 3), 3);
        assertEquals(3, minutes.size(), minutes.toString());
        minutes.forEach(point -> assertEquals(20.0, point.average(), 0.01, minutes.toString()));
        // the sampling that published the instance's minutes may still be storing the aggregates' copies
        List<Datapoint> byType = eventually(() -> cpu(Dimension.builder().name("InstanceType").value("t3.micro").build(),
                60, 3), 3);
        assertEquals(3, byType.size(), "detailed monitoring feeds the InstanceType aggregate: " + byType);

        if (AwsCli.installed()) {
            Instant now = cloudNow();
            String average = new AwsCli(server.endpoint()).text("cloudwatch", "get-metric-statistics", "--namespace", "AWS/EC2",
                    "--metric-name", "CPUUtilization", "--dimensions", "Name=InstanceId,Value=" + id, "--statistics",
                    "Average", "--period", "60", "--start-time", now.minusSeconds(120).toString(), "--end-time",
                    now.toString(), "--query", "Datapoints[0].Average");
            assertEquals(20.0, Double.parseDouble(average), 0.01);
        }
    }

    @Test
    void anInjectedImpairmentFailsTheInstanceCheckAndItsMetric() throws InterruptedException {
        String id = runningInstance();
        InstanceStatus healthy = ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().get(0);
        assertEquals("ok", healthy.instanceStatus().statusAsString());
        minutesPass(2);
        server.admin("POST", "/_gureum/impair?instance=" + id + "&instanceImpaired=true");
        InstanceStatus impaired = ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().get(0);
        assertEquals("impaired", impaired.instanceStatus().statusAsString());
        assertEquals("failed", impaired.instanceStatus().details().get(0).statusAsString());
        assertEquals("ok", impaired.systemStatus().statusAsString());
        assertEquals(1, ec2.describeInstanceStatus(r -> r.filters(f -> f.name("instance-status.status").values("impaired")))
                .instanceStatuses().size());
        minutesPass(2);
        Instant now = cloudNow();
        Dimension byInstance = Dimension.builder().name("InstanceId").value(id).build();
        List<Datapoint> failed = eventually(() -> cloudWatch.getMetricStatistics(r -> r.namespace("AWS/EC2")
                .metricName("StatusCheckFailed_Instance").dimensions(byInstance).startTime(now.minusSeconds(60))
                .endTime(now).period(60).statistics(Statistic.MAXIMUM)).datapoints(), 1);
        assertEquals(1.0, failed.get(0).maximum(), failed.toString());
        server.admin("POST", "/_gureum/impair?instance=" + id + "&instanceImpaired=false");
        assertEquals("ok", ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().get(0)
                .instanceStatus().statusAsString());
    }
}
