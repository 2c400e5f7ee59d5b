package dev.gureum.core.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notification's subject for each state, its 100-character limit, and a metric-math alarm's Trigger. */
class AlarmNotificationTest {
    private static final Instant AT = Instant.parse("2026-11-29T10:03:00Z");

    private static Alarm alarm(String name, MetricAlarmSpec spec) {
        return new Alarm(name, "000000000000", "us-east-1", AlarmType.METRIC, null, true, List.of(), List.of(), List.of(),
                spec, null, AlarmStatus.initial(AT), AT, List.of());
    }

    @Test
    void subjectsNameTheStateTheAlarmAndTheRegion() {
        Alarm alarm = alarm("cpu-high", null);
        assertEquals("OK: \"cpu-high\" in US East (N. Virginia)",
                AlarmNotification.subject(alarm, AlarmState.OK, "US East (N. Virginia)"));
        assertEquals("INSUFFICIENT_DATA: \"cpu-high\" in US East (N. Virginia)",
                AlarmNotification.subject(alarm, AlarmState.INSUFFICIENT_DATA, "US East (N. Virginia)"));
        assertEquals(100, AlarmNotification.subject(alarm("x".repeat(200), null), AlarmState.ALARM,
                "US East (N. Virginia)").length());
    }

    @Test
    void aMetricMathAlarmsTriggerCarriesItsQueries() {
        AlarmQuery m1 = new AlarmQuery("m1", null, null, false, null, null,
                new MetricRef("AWS/EC2", "NetworkIn", List.of(new AlarmDimension("InstanceId", "i-1")), null), "Sum", 60);
        AlarmQuery e1 = new AlarmQuery("e1", "m1*8", "bits", null, null, null, null, null, null);
        MetricAlarmSpec spec = new MetricAlarmSpec(null, null, null, List.of(m1, e1), 60, 2, null, 1e6,
                ComparisonOperator.GREATER_THAN_THRESHOLD, MissingData.NOT_BREACHING, null);
        String message = AlarmNotification.message(alarm("bits", spec), AlarmState.OK,
                new AlarmStatus(AlarmState.ALARM, "Threshold Crossed", null, AT, AT), "US East (N. Virginia)");
        assertTrue(message.endsWith("\"Trigger\":{\"Period\":60,\"EvaluationPeriods\":2,\"ComparisonOperator\":"
                + "\"GreaterThanThreshold\",\"Threshold\":1000000.0,\"TreatMissingData\":\"notBreaching\","
                + "\"EvaluateLowSampleCountPercentile\":\"\",\"Metrics\":[{\"Id\":\"m1\",\"MetricStat\":{\"Metric\":"
                + "{\"Dimensions\":[{\"value\":\"i-1\",\"name\":\"InstanceId\"}],\"MetricName\":\"NetworkIn\","
                + "\"Namespace\":\"AWS/EC2\"},\"Period\":60,\"Stat\":\"Sum\"},\"ReturnData\":false},{\"Expression\":"
                + "\"m1*8\",\"Id\":\"e1\",\"Label\":\"bits\",\"ReturnData\":true}]}}"), message);
        assertTrue(message.startsWith("{\"AlarmName\":\"bits\",\"AlarmDescription\":null,"), message);
    }
}
