package dev.gureum.core.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.alarm.AlarmHistoryItem.HistoryItemType;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.CloudWatchError;
import dev.gureum.core.page.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** PutMetricAlarm's rules, updates keeping state, SetAlarmState with actions and history, composite alarms, describe. */
class AlarmServiceTest {
    private final AlarmWorld world = new AlarmWorld();

    private static void assertCode(CloudWatchError expected, Executable call) {
        CloudException refused = assertThrows(CloudException.class, call);
        assertEquals(expected, refused.code(), refused.getMessage());
    }

    private static MetricAlarmRequest with(MetricAlarmRequest base, Integer period, Integer n, Integer m,
                                           String statistic, String extended, String operator, List<String> actions) {
        return new MetricAlarmRequest(base.name(), base.description(), null, List.of(), actions, List.of(),
                base.namespace(), base.metricName(), base.dimensions(), statistic, extended, null, period, n, m,
                base.threshold(), operator, null, null, List.of(), null, List.of());
    }

    @Test
    void aNewAlarmIsUncheckedAndAnUpdateKeepsItsStateAndTags() {
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("cpu-high", 3, 2, null, List.of(AlarmWorld.TOPIC)));
        Alarm created = world.alarm("cpu-high");
        assertEquals(AlarmState.INSUFFICIENT_DATA, created.status().value());
        assertEquals("Unchecked: Initial alarm creation", created.status().reason());
        assertEquals("arn:aws:cloudwatch:us-east-1:000000000000:alarm:cpu-high", created.arn());
        world.service.setState(world.context(), "cpu-high", "OK", "testing", null);
        world.clock.advance(Duration.ofMinutes(1));
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("cpu-high", 5, 1, "breaching", List.of()));
        Alarm updated = world.alarm("cpu-high");
        assertEquals(AlarmState.OK, updated.status().value());
        assertEquals(5, updated.metric().evaluationPeriods());
        assertEquals(List.of(new dev.gureum.core.tag.Tag("team", "ops")), updated.tags());
        List<AlarmHistoryItem> configuration = world.history("cpu-high", HistoryItemType.CONFIGURATION_UPDATE);
        assertEquals(List.of("Alarm \"cpu-high\" created", "Alarm \"cpu-high\" updated"),
                configuration.stream().map(AlarmHistoryItem::summary).toList());
        assertTrue(configuration.get(1).data().startsWith("{\"version\":\"1.0\",\"type\":\"Update\",\"updatedAlarm\":"),
                configuration.get(1).data());
        assertTrue(configuration.get(1).data().contains("\"originalUpdatedFields\":{\"alarmActions\":[\""
                + AlarmWorld.TOPIC + "\"],\"evaluationPeriods\":3,\"datapointsToAlarm\":2,\"treatMissingData\":"
                + "\"missing\"}"), configuration.get(1).data());
    }

    @Test
    void putMetricAlarmRefusesWhatCloudWatchRefuses() {
        MetricAlarmRequest base = AlarmWorld.cpuAlarm("bad", 3, null, null, List.of());
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                with(base, 45, 3, null, "Average", null, "GreaterThanThreshold", List.of())));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, 4, "Average", null, "GreaterThanThreshold", List.of())));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                with(base, 3600, 169, null, "Average", null, "GreaterThanThreshold", List.of())));
        assertCode(CloudWatchError.INVALID_PARAMETER_COMBINATION, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, null, "Average", "p99", "GreaterThanThreshold", List.of())));
        assertCode(CloudWatchError.INVALID_PARAMETER_COMBINATION, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, null, null, null, "GreaterThanThreshold", List.of())));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, null, "Median", null, "GreaterThanThreshold", List.of())));
        assertCode(CloudWatchError.INVALID_PARAMETER_VALUE, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, null, "Average", null, "GreaterThanUpperThreshold", List.of())));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, null, "Average", null, "Bigger", List.of())));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, null, "Average", null, "GreaterThanThreshold", List.of(AlarmWorld.TOPIC + "1",
                        AlarmWorld.TOPIC + "2", AlarmWorld.TOPIC + "3", AlarmWorld.TOPIC + "4", AlarmWorld.TOPIC + "5",
                        AlarmWorld.TOPIC + "6"))));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, null, "Average", null, "GreaterThanThreshold",
                        List.of("arn:aws:automate:eu-west-1:ec2:stop"))));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                with(base, 60, 3, null, "Average", null, "GreaterThanThreshold",
                        List.of("arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:x"))));
        MetricAlarmRequest noInstance = new MetricAlarmRequest("no-instance", null, null, List.of(),
                List.of("arn:aws:automate:us-east-1:ec2:stop"), List.of(), "Custom", "Load", List.of(), "Average",
                null, null, 60, 1, null, 1.0, "GreaterThanThreshold", null, null, List.of(), null, List.of());
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(), noInstance));
        // accepted forms: 10-second periods, percentiles, the swf form of EC2 actions
        world.service.putMetricAlarm(world.context(), with(base, 10, 3, null, null, "p99.9", "GreaterThanThreshold",
                List.of("arn:aws:swf:us-east-1:000000000000:action/actions/AWS_EC2.InstanceId.Reboot/1.0")));
        assertEquals(10, world.alarm("bad").metric().period());
    }

    @Test
    void metricMathAlarmsNeedExactlyOneReturnedSeries() {
        AlarmQuery m1 = new AlarmQuery("m1", null, null, false, null, null,
                new MetricRef("AWS/EC2", "NetworkIn", List.of(), null), "Sum", 60);
        AlarmQuery m2 = new AlarmQuery("m2", null, null, false, null, null,
                new MetricRef("AWS/EC2", "NetworkOut", List.of(), null), "Sum", 60);
        AlarmQuery e1 = new AlarmQuery("e1", "m1+m2", "total", null, null, null, null, null, null);
        MetricAlarmRequest math = new MetricAlarmRequest("traffic", null, null, List.of(), List.of(), List.of(), null,
                null, List.of(), null, null, null, null, 2, null, 1e9, "GreaterThanThreshold", null, null,
                List.of(m1, m2, e1), null, List.of());
        world.service.putMetricAlarm(world.context(), math);
        assertEquals(60, world.alarm("traffic").metric().period());
        AlarmQuery e2 = new AlarmQuery("e2", "m1*2", null, true, null, null, null, null, null);
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                new MetricAlarmRequest("two", null, null, List.of(), List.of(), List.of(), null, null, List.of(), null,
                        null, null, null, 2, null, 1.0, "GreaterThanThreshold", null, null, List.of(m1, e1, e2), null,
                        List.of())));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                new MetricAlarmRequest("stop", null, null, List.of(), List.of("arn:aws:automate:us-east-1:ec2:stop"),
                        List.of(), null, null, List.of(), null, null, null, null, 2, null, 1.0, "GreaterThanThreshold",
                        null, null, List.of(m1, m2, e1), null, List.of())));
        AlarmQuery slow = new AlarmQuery("m3", null, null, false, null, null,
                new MetricRef("AWS/EC2", "NetworkIn", List.of(), null), "Sum", 300);
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putMetricAlarm(world.context(),
                new MetricAlarmRequest("periods", null, null, List.of(), List.of(), List.of(), null, null, List.of(),
                        null, null, null, null, 2, null, 1.0, "GreaterThanThreshold", null, null,
                        List.of(m1, slow, e1), null, List.of())));
        assertCode(CloudWatchError.INVALID_PARAMETER_COMBINATION, () -> world.service.putMetricAlarm(world.context(),
                new MetricAlarmRequest("mixed", null, null, List.of(), List.of(), List.of(), "AWS/EC2", "NetworkIn",
                        List.of(), null, null, null, null, 2, null, 1.0, "GreaterThanThreshold", null, null,
                        List.of(m1, e1), null, List.of())));
    }

    @Test
    void setAlarmStateRunsActionsRecordsHistoryAndNeedsJson() {
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("cpu-high", 1, null, null,
                List.of(AlarmWorld.TOPIC, "arn:aws:automate:us-east-1:ec2:stop", "arn:aws:sns:us-east-1:000000000000:missing")));
        assertCode(CloudWatchError.INVALID_FORMAT, () -> world.service.setState(world.context(), "cpu-high", "ALARM",
                "test", "{not json"));
        assertCode(CloudWatchError.RESOURCE_NOT_FOUND, () -> world.service.setState(world.context(), "nope", "ALARM",
                "test", null));
        world.service.setState(world.context(), "cpu-high", "ALARM", "testing the pager", "{\"by\":\"test\"}");
        assertEquals(1, world.notifications.size());
        String[] notification = world.notifications.get(0);
        assertEquals("ALARM: \"cpu-high\" in US East (N. Virginia)", notification[1]);
        assertEquals("{\"AlarmName\":\"cpu-high\",\"AlarmDescription\":\"CPU too high\",\"AWSAccountId\":\"000000000000\","
                + "\"AlarmConfigurationUpdatedTimestamp\":\"2026-11-29T10:00:00.000+0000\",\"NewStateValue\":\"ALARM\","
                + "\"NewStateReason\":\"testing the pager\",\"StateChangeTime\":\"2026-11-29T10:00:00.000+0000\","
                + "\"Region\":\"US East (N. Virginia)\",\"AlarmArn\":\"arn:aws:cloudwatch:us-east-1:000000000000:alarm:"
                + "cpu-high\",\"OldStateValue\":\"INSUFFICIENT_DATA\",\"OKActions\":[],\"AlarmActions\":[\""
                + AlarmWorld.TOPIC + "\",\"arn:aws:automate:us-east-1:ec2:stop\",\"arn:aws:sns:us-east-1:000000000000:"
                + "missing\"],\"InsufficientDataActions\":[],\"Trigger\":{\"MetricName\":\"CPUUtilization\",\"Namespace\":"
                + "\"AWS/EC2\",\"StatisticType\":\"Statistic\",\"Statistic\":\"AVERAGE\",\"Unit\":null,\"Dimensions\":"
                + "[{\"value\":\"i-0123456789abcdef0\",\"name\":\"InstanceId\"}],\"Period\":60,\"EvaluationPeriods\":1,"
                + "\"ComparisonOperator\":\"GreaterThanThreshold\",\"Threshold\":80.0,\"TreatMissingData\":\"missing\","
                + "\"EvaluateLowSampleCountPercentile\":\"\"}}", notification[2]);
        assertEquals(List.of("stop i-0123456789abcdef0"), world.instanceCommands);
        AlarmHistoryItem state = world.history("cpu-high", HistoryItemType.STATE_UPDATE).get(0);
        assertEquals("Alarm updated from INSUFFICIENT_DATA to ALARM", state.summary());
        assertEquals("{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"INSUFFICIENT_DATA\",\"stateReason\":"
                + "\"Unchecked: Initial alarm creation\"},\"newState\":{\"stateValue\":\"ALARM\",\"stateReason\":"
                + "\"testing the pager\",\"stateReasonData\":{\"by\":\"test\"}}}", state.data());
        List<String> actions = world.history("cpu-high", HistoryItemType.ACTION).stream().map(AlarmHistoryItem::summary)
                .toList();
        assertEquals(List.of("Successfully executed action " + AlarmWorld.TOPIC,
                "Successfully executed action arn:aws:automate:us-east-1:ec2:stop",
                "Failed to execute action arn:aws:sns:us-east-1:000000000000:missing. Received error: \"Topic does not"
                        + " exist\""), actions);
        // the same state again changes the reason, not the state: no actions
        world.service.setState(world.context(), "cpu-high", "ALARM", "again", null);
        assertEquals(1, world.notifications.size());
        // disabled actions do not run
        world.service.setActionsEnabled(world.context(), List.of("cpu-high"), false);
        world.service.setState(world.context(), "cpu-high", "OK", "calm", null);
        world.service.setState(world.context(), "cpu-high", "ALARM", "storm", null);
        assertEquals(1, world.notifications.size());
    }

    @Test
    void compositeAlarmsFollowTheirChildrenAndBlockTheirDeletion() {
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("cpu", 1, null, null, List.of()));
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("disk", 1, null, null, List.of()));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putCompositeAlarm(world.context(),
                composite("both", "ALARM(cpu) AND ALARM(ghost)")));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putCompositeAlarm(world.context(),
                composite("both", "ALARM(cpu) AND")));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putCompositeAlarm(world.context(),
                composite("self", "ALARM(self)")));
        world.service.putCompositeAlarm(world.context(), composite("both", "ALARM(cpu) AND ALARM(\"disk\")"));
        assertEquals(AlarmState.OK, world.alarm("both").status().value(), "evaluated at once: its children are not in ALARM");
        world.service.putCompositeAlarm(world.context(), composite("top", "ALARM(both) OR FALSE"));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.putCompositeAlarm(world.context(),
                composite("both", "ALARM(top)")));

        world.service.setState(world.context(), "cpu", "ALARM", "test", null);
        assertEquals(AlarmState.OK, world.alarm("both").status().value());
        world.clock.advance(Duration.ofSeconds(5));
        world.service.setState(world.context(), "disk", "ALARM", "test", null);
        Alarm both = world.alarm("both");
        assertEquals(AlarmState.ALARM, both.status().value());
        assertEquals("arn:aws:cloudwatch:us-east-1:000000000000:alarm:disk transitioned to ALARM at Sunday 29 November,"
                + " 2026 10:00:05 UTC", both.status().reason());
        assertEquals("{\"triggeringAlarms\":[{\"arn\":\"arn:aws:cloudwatch:us-east-1:000000000000:alarm:disk\","
                + "\"state\":{\"value\":\"ALARM\",\"timestamp\":\"2026-11-29T10:00:05.000+0000\"}}]}",
                both.status().reasonData());
        assertEquals(AlarmState.ALARM, world.alarm("top").status().value(), "a chain of composites follows");
        assertEquals(List.of("ALARM: \"both\" in US East (N. Virginia)", "ALARM: \"top\" in US East (N. Virginia)"),
                world.notifications.stream().map(notification -> notification[1]).toList(), "both composites notified");

        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.delete(world.context(), List.of("cpu")));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.service.delete(world.context(), List.of("both", "top")));
        assertCode(CloudWatchError.RESOURCE_NOT_FOUND, () -> world.service.delete(world.context(), List.of("top", "nope")));
        world.service.delete(world.context(), List.of("top"));
        world.service.delete(world.context(), List.of("both"));
        world.service.delete(world.context(), List.of("cpu", "disk"));
        assertTrue(world.store.list(AlarmRecords.ALARMS, AlarmWorld.ACCOUNT, AlarmWorld.REGION).isEmpty());
        assertEquals("Alarm \"cpu\" deleted", world.history("cpu", HistoryItemType.CONFIGURATION_UPDATE).get(1).summary(),
                "history outlives the alarm");
    }

    private static AlarmService.CompositeAlarmRequest composite(String name, String rule) {
        return new AlarmService.CompositeAlarmRequest(name, null, null, List.of(), List.of(AlarmWorld.TOPIC), List.of(),
                rule, null, List.of());
    }

    @Test
    void describeFiltersAndPages() {
        for (int i = 0; i < 7; i++) {
            world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("a" + i, 1, null, null,
                    i % 2 == 0 ? List.of(AlarmWorld.TOPIC) : List.of()));
        }
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("b", 1, null, null, List.of()));
        world.service.putCompositeAlarm(world.context(), composite("c", "ALARM(a1) OR ALARM(b)"));
        world.service.setState(world.context(), "a3", "ALARM", "test", null);
        Page<Alarm> first = world.queries.describe(world.context(), filter(null, "a", null, null, null, 3, null));
        assertEquals(List.of("a0", "a1", "a2"), first.items().stream().map(Alarm::name).toList());
        Page<Alarm> second = world.queries.describe(world.context(), filter(null, "a", null, null, null, 3, first.nextToken()));
        assertEquals(List.of("a3", "a4", "a5"), second.items().stream().map(Alarm::name).toList());
        assertEquals(8, world.queries.describe(world.context(), filter(null, null, null, null, null, null, null)).items().size(),
                "metric alarms only when no type is asked");
        assertEquals(List.of("c"), world.queries.describe(world.context(), filter(null, null, List.of("CompositeAlarm"),
                null, null, null, null)).items().stream().map(Alarm::name).toList());
        assertEquals(List.of("a3"), world.queries.describe(world.context(), filter(null, null, null, "ALARM", null, null,
                null)).items().stream().map(Alarm::name).toList());
        assertEquals(4, world.queries.describe(world.context(), filter(null, null, null, null, "arn:aws:sns:", null,
                null)).items().size());
        assertEquals(List.of("a1", "b"), world.queries.describe(world.context(), new AlarmQueries.AlarmFilter(null, null,
                null, "c", null, null, null, null, null)).items().stream().map(Alarm::name).toList());
        assertEquals(List.of("c"), world.queries.describe(world.context(), new AlarmQueries.AlarmFilter(null, null,
                null, null, "b", null, null, null, null)).items().stream().map(Alarm::name).toList());
        assertCode(CloudWatchError.INVALID_PARAMETER_COMBINATION, () -> world.queries.describe(world.context(),
                filter(List.of("a1"), "a", null, null, null, null, null)));
        assertCode(CloudWatchError.INVALID_NEXT_TOKEN, () -> world.queries.describe(world.context(),
                filter(null, null, null, null, null, null, "garbage")));
        assertCode(CloudWatchError.VALIDATION_ERROR, () -> world.queries.describe(world.context(),
                filter(null, null, null, null, null, 101, null)));
        assertEquals(8, world.queries.forMetric(world.context(), new MetricRef("AWS/EC2", "CPUUtilization",
                List.of(new AlarmDimension("InstanceId", "i-0123456789abcdef0")), null), "Average", null, 60).size());
        assertEquals(0, world.queries.forMetric(world.context(), new MetricRef("AWS/EC2", "CPUUtilization",
                List.of(), null), null, null, null).size());
    }

    private static AlarmQueries.AlarmFilter filter(List<String> names, String prefix, List<String> types, String state,
                                                   String actionPrefix, Integer max, String token) {
        return new AlarmQueries.AlarmFilter(names, prefix, types, null, null, state, actionPrefix, max, token);
    }

    @Test
    void alarmsAreTaggedByArn() {
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("cpu", 1, null, null, List.of()));
        AlarmTags tags = new AlarmTags(world.store);
        String arn = world.alarm("cpu").arn();
        tags.tag(world.context(), arn, List.of(new dev.gureum.core.tag.Tag("env", "prod"),
                new dev.gureum.core.tag.Tag("team", "web")));
        assertEquals(List.of(new dev.gureum.core.tag.Tag("team", "web"), new dev.gureum.core.tag.Tag("env", "prod")),
                tags.list(world.context(), arn));
        tags.untag(world.context(), arn, List.of("team"));
        assertEquals(List.of(new dev.gureum.core.tag.Tag("env", "prod")), tags.list(world.context(), arn));
        assertCode(CloudWatchError.RESOURCE_NOT_FOUND_EXCEPTION, () -> tags.list(world.context(), arn + "x"));
        assertCode(CloudWatchError.INVALID_PARAMETER_VALUE, () -> tags.list(world.context(), "arn:aws:sns:x"));
        List<dev.gureum.core.tag.Tag> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new dev.gureum.core.tag.Tag("k" + i, "v"));
        }
        assertCode(CloudWatchError.INVALID_PARAMETER_VALUE, () -> tags.tag(world.context(), arn, many));
    }

    @Test
    void historyIsFilteredOrderedPagedAndKeptTwoWeeks() {
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("cpu", 1, null, null, List.of()));
        world.clock.advance(Duration.ofMinutes(1));
        world.service.setState(world.context(), "cpu", "ALARM", "one", null);
        world.clock.advance(Duration.ofMinutes(1));
        world.service.setState(world.context(), "cpu", "OK", "two", null);
        Page<AlarmHistoryItem> newest = world.queries.history(world.context(), new AlarmQueries.HistoryFilter("cpu",
                null, null, null, null, 2, null, null));
        assertEquals(List.of("Alarm updated from ALARM to OK", "Alarm updated from INSUFFICIENT_DATA to ALARM"),
                newest.items().stream().map(AlarmHistoryItem::summary).toList());
        assertEquals(List.of("Alarm \"cpu\" created"), world.queries.history(world.context(), new AlarmQueries.HistoryFilter(
                "cpu", null, null, null, null, 2, newest.nextToken(), null)).items().stream()
                .map(AlarmHistoryItem::summary).toList());
        assertEquals(1, world.queries.history(world.context(), new AlarmQueries.HistoryFilter("cpu", null,
                "StateUpdate", Instant.parse("2026-11-29T10:01:30Z"), null, null, null, "TimestampAscending")).items().size());
        world.clock.advance(Duration.ofDays(15));
        assertEquals(3, world.history.sweep(world.clock.now()));
        assertNull(world.queries.history(world.context(), new AlarmQueries.HistoryFilter("cpu", null, null, null, null,
                null, null, null)).nextToken());
    }
}
