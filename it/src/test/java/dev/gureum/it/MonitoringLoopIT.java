package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The whole monitoring loop on the manual clock, nothing stubbed: a simulated instance's synthetic CPU load
 * becomes AWS/EC2 CPUUtilization datapoints, the evaluator moves the alarm to ALARM once 2 of its last 3
 * minutes breach, the topic's confirmed HTTP subscriber receives CloudWatch's notification signed by SNS, and
 * the alarm's EC2 action stops the instance.
 */
class MonitoringLoopIT {
    private static GureumProcess server;
    private static CloudWatchClient cloudWatch;
    private static Ec2Client ec2;
    private static SnsClient sns;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--clock", "manual");
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test",
                "test"));
        cloudWatch = CloudWatchClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        ec2 = Clients.ec2(server.endpoint());
        sns = SnsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            cloudWatch.close();
            ec2.close();
            sns.close();
            server.close();
        }
    }

    @Test
    void cpuLoadRaisesTheAlarmWhichNotifiesTheSubscriberAndStopsTheInstance() throws Exception {
        String topic = sns.createTopic(r -> r.name("ops")).topicArn();
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            SnsDeliveryIT.confirmedSubscription(sns, topic, endpoint, Map.of());
            String image = Ec2PlatformIT.debianImage(ec2);
            String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1)
                    .monitoring(m -> m.enabled(true))).instances().get(0).instanceId();
            server.awaitInstanceState(ec2, id, "running");
            cloudWatch.putMetricAlarm(r -> r.alarmName("cpu-high").namespace("AWS/EC2").metricName("CPUUtilization")
                    .dimensions(d -> d.name("InstanceId").value(id)).statistic(Statistic.AVERAGE).period(60)
                    .evaluationPeriods(3).datapointsToAlarm(2).threshold(80.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .alarmActions(topic, "arn:aws:automate:us-east-1:ec2:stop"));

            minutesPass(3);
            for (int minute = 0; minute < 5 && alarm().stateValue() != StateValue.OK; minute++) {
                minutesPass(1);
            }
            assertEquals(StateValue.OK, alarm().stateValue(), "idle: below the threshold " + alarm().stateReason());
            server.admin("POST", "/_gureum/load?instance=" + id + "&cpu=95");
            for (int minute = 0; minute < 6 && alarm().stateValue() != StateValue.ALARM; minute++) {
                minutesPass(1);
            }

            MetricAlarm alarm = alarm();
            assertEquals(StateValue.ALARM, alarm.stateValue(), alarm.stateReason());
            // 2 of 3 when the evaluator ran on the minute the second breaching datapoint came, 3 of 3 when it ran
            // later; a minute's CPU is measured, so 95 % may print as 94.99999999999999 or 95.00000000000003
            assertTrue(alarm.stateReason().matches("Threshold Crossed: [23] out of the last 3 datapoints \\[9[45]\\.\\d+ .*"
                    + "were greater than the threshold \\(80\\.0\\) \\(minimum 2 datapoints for OK -> ALARM"
                    + " transition\\)\\."), alarm.stateReason());
            SnsEndpoint.Received received = endpoint.next();
            JsonNode envelope = SnsMessages.parse(received.body());
            assertTrue(SnsMessages.signatureVerifies(envelope), received.body());
            assertEquals("ALARM: \"cpu-high\" in US East (N. Virginia)", SnsMessages.field(envelope, "Subject"));
            assertTrue(SnsMessages.field(envelope, "Message").contains("\"NewStateValue\":\"ALARM\""),
                    SnsMessages.field(envelope, "Message"));
            server.awaitInstanceState(ec2, id, "stopped");
        }
    }

    private static MetricAlarm alarm() {
        return cloudWatch.describeAlarms(r -> r.alarmNames("cpu-high")).metricAlarms().get(0);
    }

    /** Moves the cloud clock on a minute at a time, letting each minute's sampling and evaluation run. */
    private static void minutesPass(int minutes) throws InterruptedException {
        for (int i = 0; i < minutes; i++) {
            server.advanceClock(60);
            Thread.sleep(300);
        }
    }

}
