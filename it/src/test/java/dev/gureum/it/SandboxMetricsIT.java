package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * Real counters: a sandboxed instance whose user data spins a CPU shows CPU time (read from its cgroup) as
 * AWS/EC2 CPUUtilization. The manual clock decides when the publisher samples; the CPU time between two samples
 * is real, so the utilization is real CPU seconds over the cloud seconds between the samples. Needs what
 * {@code gureum doctor} checks; skipped elsewhere.
 */
class SandboxMetricsIT {
    @BeforeAll
    static void onlyWhereTheSandboxRuns() {
        GureumProcess.assumeSandboxRuns();
    }

    @Test
    void aBusyInstancesCgroupCpuTimeIsItsCpuUtilization() throws Exception {
        try (GureumProcess server = GureumProcess.start("--runtime", "sandbox", "--clock", "manual");
             Ec2Client ec2 = Clients.ec2(server.endpoint());
             CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(server.endpoint())
                     .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .build()) {
            String image = ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                    .values("gureum-tiny-*").build())).images().get(0).imageId();
            String spin = "#!/bin/sh\nwhile :; do :; done &\necho spinning\n";
            String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1)
                    .monitoring(m -> m.enabled(true))
                    .userData(Base64.getEncoder().encodeToString(spin.getBytes(StandardCharsets.UTF_8))))
                    .instances().get(0).instanceId();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state()
                        .nameAsString().equals("running") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals("ok", ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().get(0)
                        .instanceStatus().statusAsString(), "its cgroup has processes");
                server.advanceClock(60);
                Thread.sleep(3000);
                server.advanceClock(60);
                Thread.sleep(3000);
                server.advanceClock(60);
                Dimension byInstance = Dimension.builder().name("InstanceId").value(id).build();
                List<Datapoint> points = List.of();
                for (int attempt = 0; attempt < 50 && points.isEmpty(); attempt++) {
                    Thread.sleep(100);
                    Instant now = cloudNow(server);
                    points = cloudWatch.getMetricStatistics(r -> r.namespace("AWS/EC2").metricName("CPUUtilization")
                            .dimensions(byInstance).startTime(now.minusSeconds(240)).endTime(now).period(60)
                            .statistics(Statistic.MAXIMUM)).datapoints();
                }
                double busiest = points.stream().mapToDouble(Datapoint::maximum).max().orElse(0);
                // about 3 s of one spinning core per 60 cloud seconds on 2 vCPUs: 2.5 %; idle would be ~0
                assertTrue(busiest > 1.0, "CPUUtilization from the cgroup: " + points);
            } finally {
                ec2.terminateInstances(r -> r.instanceIds(id));
            }
        }
    }

    private static Instant cloudNow(GureumProcess server) {
        Matcher now = Pattern.compile("\"now\":\"([^\"]+)\"").matcher(server.admin("GET", "/_gureum/health"));
        assertTrue(now.find());
        return Instant.parse(now.group(1));
    }
}
