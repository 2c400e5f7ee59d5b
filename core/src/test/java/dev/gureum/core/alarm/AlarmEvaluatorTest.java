package dev.gureum.core.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.alarm.AlarmHistoryItem.HistoryItemType;
import dev.gureum.core.time.ClockScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator on the manual clock: rounds at period boundaries, M of N, actions on the change, quiet otherwise. */
class AlarmEvaluatorTest {
    private final AlarmWorld world = new AlarmWorld();

    @Test
    void cpuAboveTheThresholdInTwoOfThreeMinutesRaisesTheAlarmAndStopsTheInstance() {
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("cpu-high", 3, 2, null,
                List.of(AlarmWorld.TOPIC, "arn:aws:automate:us-east-1:ec2:stop")));
        world.minute();
        assertEquals(AlarmState.INSUFFICIENT_DATA, world.alarm("cpu-high").status().value(), "no data yet");
        Instant minute = Instant.parse("2026-11-29T10:01:00Z");
        world.metrics.put("CPUUtilization", minute, 20.0);
        world.minute();
        assertEquals(AlarmState.OK, world.alarm("cpu-high").status().value(), "one real datapoint, not breaching");
        world.metrics.put("CPUUtilization", minute.plusSeconds(60), 90.0);
        world.minute();
        assertEquals(AlarmState.OK, world.alarm("cpu-high").status().value(), "one of two breaching");
        world.metrics.put("CPUUtilization", minute.plusSeconds(120), 95.0);
        world.minute();
        Alarm alarm = world.alarm("cpu-high");
        assertEquals(AlarmState.ALARM, alarm.status().value());
        assertEquals("Threshold Crossed: 2 out of the last 3 datapoints [95.0 (29/11/26 10:03:00), 90.0 (29/11/26"
                + " 10:02:00)] were greater than the threshold (80.0) (minimum 2 datapoints for OK -> ALARM"
                + " transition).", alarm.status().reason());
        assertEquals(Instant.parse("2026-11-29T10:04:00Z"), alarm.status().transitioned());
        assertEquals(List.of("stop i-0123456789abcdef0"), world.instanceCommands);
        assertEquals(1, world.notifications.size());
        int states = world.history("cpu-high", HistoryItemType.STATE_UPDATE).size();
        world.metrics.put("CPUUtilization", minute.plusSeconds(180), 99.0);
        world.minute();
        assertEquals(states, world.history("cpu-high", HistoryItemType.STATE_UPDATE).size(), "no change, nothing written");
        assertEquals(1, world.notifications.size());
    }

    @Test
    void shortPeriodsAreEvaluatedAtTheirBoundariesAndLongOnesOnceAMinute() {
        world.service.putMetricAlarm(world.context(), new MetricAlarmRequest("fast", null, null, List.of(), List.of(),
                List.of(), "App", "Errors", List.of(), "Sum", null, null, 20, 1, null, 0.0, "GreaterThanThreshold",
                "breaching", null, List.of(), null, List.of()));
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("slow", 1, null, "breaching", List.of()));
        assertEquals(0, world.evaluator.round(Instant.parse("2026-11-29T10:00:10Z")));
        assertEquals(1, world.evaluator.round(Instant.parse("2026-11-29T10:00:20Z")));
        assertEquals(2, world.evaluator.round(Instant.parse("2026-11-29T10:01:00Z")));
    }

    @Test
    void theSchedulerRunsRoundsAsTheManualClockAdvances() throws InterruptedException {
        world.service.putMetricAlarm(world.context(), AlarmWorld.cpuAlarm("cpu", 1, null, "breaching", List.of()));
        try (ClockScheduler scheduler = new ClockScheduler(world.clock)) {
            world.evaluator.start(scheduler);
            world.clock.advance(Duration.ofMinutes(2));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (world.alarm("cpu").status().value() != AlarmState.ALARM && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertEquals(AlarmState.ALARM, world.alarm("cpu").status().value());
        assertTrue(world.alarm("cpu").status().reason().contains("treated as [Breaching]"));
    }

    @Test
    void metricMathAlarmsReadTheReturnedSeries() {
        AlarmQuery m1 = new AlarmQuery("m1", null, null, false, null, null,
                new MetricRef("AWS/EC2", "NetworkIn", List.of(), null), "Sum", 60);
        AlarmQuery e1 = new AlarmQuery("e1", "m1*8", null, true, null, null, null, null, null);
        world.service.putMetricAlarm(world.context(), new MetricAlarmRequest("bits", null, null, List.of(), List.of(),
                List.of(), null, null, List.of(), null, null, null, null, 1, null, 100.0, "GreaterThanThreshold", null,
                null, List.of(m1, e1), null, List.of()));
        world.metrics.put("e1", Instant.parse("2026-11-29T10:00:00Z"), 800.0);
        world.minute();
        assertEquals(AlarmState.ALARM, world.alarm("bits").status().value());
    }
}
