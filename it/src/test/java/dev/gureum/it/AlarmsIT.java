package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * CloudWatch alarms end to end on a manual clock, through the Java SDK (RPC v2 CBOR) and both AWS CLI
 * generations: put, describe, history and delete; AWS's validation errors; SetAlarmState ALARM on an alarm
 * whose actions are an SNS topic and {@code arn:aws:automate:us-east-1:ec2:stop} really stops the instance, and
 * the topic's confirmed HTTP subscriber receives CloudWatch's notification, signed (both recorded in the
 * history); composite alarms follow their children; the evaluator runs on the clock; alarms survive kill -9.
 */
class AlarmsIT {
    private static GureumProcess server;
    private static CloudWatchClient cloudWatch;
    private static Ec2Client ec2;
    private static SnsClient sns;

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--clock", "manual");
        connect();
    }

    private static void connect() {
        cloudWatch = CloudWatchClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build();
        ec2 = Clients.ec2(server.endpoint());
        sns = SnsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
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

    private static PutMetricAlarmRequest.Builder cpuAlarm(String name, String instanceId) {
        return PutMetricAlarmRequest.builder().alarmName(name).namespace("AWS/EC2").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("InstanceId").value(instanceId).build())
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(3).datapointsToAlarm(2).threshold(80.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD);
    }

    private static MetricAlarm metricAlarm(String name) {
        return cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
    }

    @Test
    void alarmsArePutDescribedUpdatedAndDeleted() {
        cloudWatch.putMetricAlarm(cpuAlarm("cpu-high", "i-0123456789abcdef0").alarmDescription("too hot")
                .tags(t -> t.key("team").value("ops")).build());
        MetricAlarm alarm = metricAlarm("cpu-high");
        assertEquals("arn:aws:cloudwatch:us-east-1:000000000000:alarm:cpu-high", alarm.alarmArn());
        assertEquals(StateValue.INSUFFICIENT_DATA, alarm.stateValue());
        assertEquals("Unchecked: Initial alarm creation", alarm.stateReason());
        assertEquals(List.of(60, 3, 2), List.of(alarm.period(), alarm.evaluationPeriods(), alarm.datapointsToAlarm()));
        assertEquals("i-0123456789abcdef0", alarm.dimensions().get(0).value());
        assertEquals(1, cloudWatch.describeAlarmsForMetric(r -> r.namespace("AWS/EC2").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("InstanceId").value("i-0123456789abcdef0").build()))
                .metricAlarms().size());
        assertEquals("ops", cloudWatch.listTagsForResource(r -> r.resourceARN(alarm.alarmArn())).tags().get(0).value());

        cloudWatch.setAlarmState(r -> r.alarmName("cpu-high").stateValue(StateValue.OK).stateReason("checked"));
        cloudWatch.putMetricAlarm(cpuAlarm("cpu-high", "i-0123456789abcdef0").threshold(90.0).build());
        MetricAlarm updated = metricAlarm("cpu-high");
        assertEquals(90.0, updated.threshold());
        assertEquals(StateValue.OK, updated.stateValue(), "an update keeps the state");

        List<String> summaries = cloudWatch.describeAlarmHistory(r -> r.alarmName("cpu-high")).alarmHistoryItems()
                .stream().map(AlarmHistoryItem::historySummary).toList();
        assertEquals(List.of("Alarm \"cpu-high\" updated", "Alarm updated from INSUFFICIENT_DATA to OK",
                "Alarm \"cpu-high\" created"), summaries);
        cloudWatch.deleteAlarms(r -> r.alarmNames("cpu-high"));
        assertTrue(cloudWatch.describeAlarms(r -> r.alarmNames("cpu-high")).metricAlarms().isEmpty());
    }

    @Test
    void badInputGetsCloudWatchsErrors() {
        assertError(400, "ValidationError", () -> cloudWatch.putMetricAlarm(cpuAlarm("bad", "i-1").period(45).build()));
        assertError(400, "ValidationError", () -> cloudWatch.putMetricAlarm(cpuAlarm("bad", "i-1").datapointsToAlarm(4)
                .build()));
        assertError(400, "InvalidParameterCombination", () -> cloudWatch.putMetricAlarm(cpuAlarm("bad", "i-1")
                .extendedStatistic("p99").build()));
        assertError(400, "ValidationError", () -> cloudWatch.putMetricAlarm(cpuAlarm("bad", "i-1")
                .alarmActions("arn:aws:automate:eu-west-1:ec2:stop").build()));
        assertError(400, "MissingParameter", () -> cloudWatch.putMetricAlarm(r -> r.alarmName("bad")));
        assertError(404, "ResourceNotFound", () -> cloudWatch.setAlarmState(r -> r.alarmName("nope")
                .stateValue(StateValue.ALARM).stateReason("x")));
        cloudWatch.putMetricAlarm(cpuAlarm("json", "i-1").build());
        assertError(400, "InvalidFormat", () -> cloudWatch.setAlarmState(r -> r.alarmName("json")
                .stateValue(StateValue.ALARM).stateReason("x").stateReasonData("{nope")));
        assertError(400, "InvalidNextToken", () -> cloudWatch.describeAlarms(r -> r.nextToken("garbage")));
        cloudWatch.deleteAlarms(r -> r.alarmNames("json"));
    }

    @Test
    void setAlarmStateStopsTheInstanceAndAnHttpSubscriberReceivesTheNotification() throws Exception {
        String topic = sns.createTopic(r -> r.name("ops")).topicArn();
        try (SnsEndpoint endpoint = new SnsEndpoint()) {
            SnsDeliveryIT.confirmedSubscription(sns, topic, endpoint, java.util.Map.of());
            String image = Ec2PlatformIT.debianImage(ec2);
            String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
            server.awaitInstanceState(ec2, id, "running");
            cloudWatch.putMetricAlarm(cpuAlarm("stopper", id).alarmDescription("CPU too high")
                    .alarmActions(topic, "arn:aws:automate:us-east-1:ec2:stop").build());
            cloudWatch.setAlarmState(r -> r.alarmName("stopper").stateValue(StateValue.ALARM).stateReason("load test")
                    .stateReasonData("{\"by\":\"AlarmsIT\"}"));

            SnsEndpoint.Received received = endpoint.next();
            assertEquals("Notification", received.header("x-amz-sns-message-type"));
            software.amazon.awssdk.protocols.jsoncore.JsonNode envelope = SnsMessages.parse(received.body());
            assertTrue(SnsMessages.signatureVerifies(envelope), received.body());
            assertEquals("ALARM: \"stopper\" in US East (N. Virginia)", SnsMessages.field(envelope, "Subject"));
            String message = SnsMessages.field(envelope, "Message");
            assertTrue(message.startsWith("{\"AlarmName\":\"stopper\",\"AlarmDescription\":\"CPU too high\","
                    + "\"AWSAccountId\":\"000000000000\","), message);
            assertTrue(message.contains("\"NewStateValue\":\"ALARM\",\"NewStateReason\":\"load test\","), message);
            assertTrue(message.contains("\"Region\":\"US East (N. Virginia)\",\"AlarmArn\":"
                    + "\"arn:aws:cloudwatch:us-east-1:000000000000:alarm:stopper\",\"OldStateValue\":"
                    + "\"INSUFFICIENT_DATA\""), message);
            assertTrue(message.contains("\"Dimensions\":[{\"value\":\"" + id + "\",\"name\":\"InstanceId\"}]"),
                    message);

            server.awaitInstanceState(ec2, id, "stopped");
            List<AlarmHistoryItem> actions = await(() -> cloudWatch.describeAlarmHistory(r -> r.alarmName("stopper")
                    .historyItemType(HistoryItemType.ACTION)).alarmHistoryItems(), items -> items.size() == 2);
            assertEquals(List.of("Successfully executed action arn:aws:automate:us-east-1:ec2:stop",
                            "Successfully executed action " + topic),
                    actions.stream().map(AlarmHistoryItem::historySummary).sorted().toList());
            AlarmHistoryItem state = cloudWatch.describeAlarmHistory(r -> r.alarmName("stopper")
                    .historyItemType(HistoryItemType.STATE_UPDATE)).alarmHistoryItems().get(0);
            assertEquals("{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"INSUFFICIENT_DATA\",\"stateReason\":"
                    + "\"Unchecked: Initial alarm creation\"},\"newState\":{\"stateValue\":\"ALARM\",\"stateReason\":"
                    + "\"load test\",\"stateReasonData\":{\"by\":\"AlarmsIT\"}}}", state.historyData());
            cloudWatch.deleteAlarms(r -> r.alarmNames("stopper"));
        }
    }

    @Test
    void aNotificationToATopicThatIsGoneIsAFailedAction() {
        cloudWatch.putMetricAlarm(cpuAlarm("orphan", "i-4").alarmActions("arn:aws:sns:us-east-1:000000000000:gone")
                .build());
        cloudWatch.setAlarmState(r -> r.alarmName("orphan").stateValue(StateValue.ALARM).stateReason("test"));
        AlarmHistoryItem failed = await(() -> cloudWatch.describeAlarmHistory(r -> r.alarmName("orphan")
                .historyItemType(HistoryItemType.ACTION)).alarmHistoryItems(), items -> items.size() == 1).get(0);
        assertTrue(failed.historySummary().startsWith("Failed to execute action arn:aws:sns:us-east-1:000000000000:gone."
                + " Received error: "), failed.historySummary());
        cloudWatch.deleteAlarms(r -> r.alarmNames("orphan"));
    }

    @Test
    void compositeAlarmsFollowSetAlarmStateOfTheirChildren() {
        cloudWatch.putMetricAlarm(cpuAlarm("web-cpu", "i-1").build());
        cloudWatch.putMetricAlarm(cpuAlarm("db-cpu", "i-2").build());
        assertError(400, "ValidationError", () -> cloudWatch.putCompositeAlarm(r -> r.alarmName("both")
                .alarmRule("ALARM(web-cpu) AND ALARM(ghost)")));
        cloudWatch.putCompositeAlarm(r -> r.alarmName("both").alarmRule("ALARM(web-cpu) AND ALARM(\"db-cpu\")"));
        cloudWatch.setAlarmState(r -> r.alarmName("web-cpu").stateValue(StateValue.ALARM).stateReason("test"));
        assertEquals(StateValue.OK, composite("both").compositeAlarms().get(0).stateValue());
        cloudWatch.setAlarmState(r -> r.alarmName("db-cpu").stateValue(StateValue.ALARM).stateReason("test"));
        var both = composite("both").compositeAlarms().get(0);
        assertEquals(StateValue.ALARM, both.stateValue());
        assertTrue(both.stateReason().startsWith("arn:aws:cloudwatch:us-east-1:000000000000:alarm:db-cpu transitioned"
                + " to ALARM at "), both.stateReason());
        assertEquals(List.of("db-cpu", "web-cpu"), cloudWatch.describeAlarms(r -> r.childrenOfAlarmName("both"))
                .metricAlarms().stream().map(MetricAlarm::alarmName).toList());
        assertError(400, "ValidationError", () -> cloudWatch.deleteAlarms(r -> r.alarmNames("web-cpu")));
        cloudWatch.deleteAlarms(r -> r.alarmNames("both"));
        cloudWatch.deleteAlarms(r -> r.alarmNames("web-cpu", "db-cpu"));
    }

    private static DescribeAlarmsResponse composite(String name) {
        return cloudWatch.describeAlarms(r -> r.alarmNames(name).alarmTypes(AlarmType.COMPOSITE_ALARM));
    }

    @Test
    void theEvaluatorRunsOnTheClockAndAlarmsSurviveKillDashNine() {
        // No metric store is plugged in yet, so every metric is empty: missing data treated as breaching raises it.
        cloudWatch.putMetricAlarm(cpuAlarm("silent", "i-3").evaluationPeriods(1).datapointsToAlarm(1)
                .treatMissingData("breaching").build());
        server.advanceClock(120);
        MetricAlarm raised = await(() -> metricAlarm("silent"), alarm -> alarm.stateValue() == StateValue.ALARM);
        assertEquals("Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated"
                + " as [Breaching].", raised.stateReason());
        assertTrue(raised.stateReasonData().startsWith("{\"version\":\"1.0\",\"queryDate\":"), raised.stateReasonData());

        server.kill();
        server.restart();
        cloudWatch.close();
        ec2.close();
        sns.close();
        connect();
        MetricAlarm after = metricAlarm("silent");
        assertEquals(StateValue.ALARM, after.stateValue());
        assertEquals(raised.stateReason(), after.stateReason());
        assertEquals(List.of("Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm \"silent\" created"),
                cloudWatch.describeAlarmHistory(r -> r.alarmName("silent")).alarmHistoryItems().stream()
                        .map(AlarmHistoryItem::historySummary).toList(), "created, raised, and nothing else");
        cloudWatch.deleteAlarms(r -> r.alarmNames("silent"));
    }

    @Test
    void awsCli29AndCli145ManageAlarms() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws");
        AwsCli aws = new AwsCli(server.endpoint());
        aws.text("cloudwatch", "put-metric-alarm", "--alarm-name", "cli-cpu", "--namespace", "AWS/EC2",
                "--metric-name", "CPUUtilization", "--dimensions", "Name=InstanceId,Value=i-0123456789abcdef0",
                "--statistic", "Average", "--period", "60", "--evaluation-periods", "3", "--datapoints-to-alarm", "2",
                "--threshold", "80", "--comparison-operator", "GreaterThanThreshold");
        assertEquals("INSUFFICIENT_DATA", aws.text("cloudwatch", "describe-alarms", "--alarm-names", "cli-cpu",
                "--query", "MetricAlarms[0].StateValue"));
        aws.text("cloudwatch", "set-alarm-state", "--alarm-name", "cli-cpu", "--state-value", "ALARM",
                "--state-reason", "from the CLI");
        assertEquals("Alarm updated from INSUFFICIENT_DATA to ALARM", aws.text("cloudwatch", "describe-alarm-history",
                "--alarm-name", "cli-cpu", "--history-item-type", "StateUpdate", "--query",
                "AlarmHistoryItems[0].HistorySummary"));
        aws.assertServerErrors(List.of(
                List.of("ValidationError", "cloudwatch", "put-metric-alarm", "--alarm-name", "x", "--namespace", "N",
                        "--metric-name", "M", "--statistic", "Average", "--period", "45", "--evaluation-periods", "1",
                        "--threshold", "1", "--comparison-operator", "GreaterThanThreshold"),
                List.of("ResourceNotFound", "cloudwatch", "set-alarm-state", "--alarm-name", "nope", "--state-value",
                        "OK", "--state-reason", "x")));
        if (Files.isExecutable(AwsCli.NEWER_BOTOCORE_BINARY)) {
            AwsCli newer = new AwsCli(AwsCli.NEWER_BOTOCORE_BINARY, server.endpoint(), "test", "test");
            assertEquals("ALARM", newer.text("cloudwatch", "describe-alarms", "--alarm-names", "cli-cpu", "--query",
                    "MetricAlarms[0].StateValue"));
            newer.assertServerError("InvalidFormat", "cloudwatch", "set-alarm-state", "--alarm-name", "cli-cpu",
                    "--state-value", "OK", "--state-reason", "x", "--state-reason-data", "{nope");
        }
        aws.text("cloudwatch", "delete-alarms", "--alarm-names", "cli-cpu");
        assertEquals("0", aws.text("cloudwatch", "describe-alarms", "--alarm-names", "cli-cpu", "--query",
                "length(MetricAlarms)"));
    }

    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
        T value = read.get();
        for (int attempt = 0; attempt < 200 && !done.test(value); attempt++) {
            sleep();
            value = read.get();
        }
        assertTrue(done.test(value), String.valueOf(value));
        return value;
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(int status, String code, Executable call) {
        CloudWatchException error = assertInstanceOf(CloudWatchException.class, assertThrows(Exception.class, call));
        assertEquals(code, error.awsErrorDetails().errorCode(), error.getMessage());
        assertEquals(status, error.statusCode(), error.getMessage());
    }
}
