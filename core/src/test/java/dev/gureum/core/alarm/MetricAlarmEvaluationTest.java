package dev.gureum.core.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** M of N, every TreatMissingData case of CloudWatch's table, every comparison, and the reason texts. */
class MetricAlarmEvaluationTest {
    private static final Instant END = Instant.parse("2026-11-29T10:04:00Z");
    private static final Instant NOW = END.plusSeconds(7);

    private static MetricAlarmSpec spec(int n, int m, MissingData missing, ComparisonOperator operator) {
        return new MetricAlarmSpec(new MetricRef("AWS/EC2", "CPUUtilization", List.of(), null), "Average", null,
                List.of(), 60, n, m, 80.0, operator, missing, null);
    }

    /** Datapoints from a row of CloudWatch's table, oldest first: 0 not breaching, X breaching, - missing. */
    private static List<Datapoint> row(String row) {
        String[] cells = row.split(" ");
        List<Datapoint> points = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            Instant at = END.minusSeconds(60L * (cells.length - i));
            switch (cells[i]) {
                case "0" -> points.add(new Datapoint(at, 10.0, 1));
                case "X" -> points.add(new Datapoint(at, 95.0, 1));
                default -> { }
            }
        }
        return points;
    }

    private static AlarmState outcome(String row, int m, MissingData missing, AlarmState current) {
        MetricAlarmSpec spec = spec(3, m, missing, ComparisonOperator.GREATER_THAN_THRESHOLD);
        MetricAlarmEvaluation.Outcome outcome = MetricAlarmEvaluation.evaluate(spec, current, row(row), NOW,
                MetricAlarmEvaluation.rangeStart(spec, END), END);
        return outcome == null ? null : outcome.state();
    }

    @Test
    void theEvaluationRangeIsNPlusTwoPeriodsEndingAtTheLastCompletePeriod() {
        assertEquals(END, MetricAlarmEvaluation.rangeEnd(60, NOW));
        assertEquals(Instant.parse("2026-11-29T09:59:00Z"), MetricAlarmEvaluation.rangeStart(
                spec(3, 3, null, ComparisonOperator.GREATER_THAN_THRESHOLD), END));
    }

    /**
     * The two tables of CloudWatch's user guide ("How alarm state is evaluated when data is missing"): 3 of 3 and
     * 2 of 3 over the 5 most recent periods, oldest first; null is "Retain current state".
     */
    @Test
    void cloudWatchsMissingDataTables() {
        Object[][] table = {
                // data points, M, MISSING, IGNORE, BREACHING, NOT BREACHING
                {"0 - X - X", 3, AlarmState.OK, AlarmState.OK, AlarmState.OK, AlarmState.OK},
                {"0 - - - -", 3, AlarmState.OK, AlarmState.OK, AlarmState.OK, AlarmState.OK},
                {"- - - - -", 3, AlarmState.INSUFFICIENT_DATA, null, AlarmState.ALARM, AlarmState.OK},
                {"0 X X - X", 3, AlarmState.ALARM, AlarmState.ALARM, AlarmState.ALARM, AlarmState.ALARM},
                {"- - - - X", 3, AlarmState.INSUFFICIENT_DATA, null, AlarmState.ALARM, AlarmState.OK},
                {"X - - - -", 3, AlarmState.ALARM, null, AlarmState.ALARM, AlarmState.OK},
                {"0 - X - X", 2, AlarmState.ALARM, AlarmState.ALARM, AlarmState.ALARM, AlarmState.ALARM},
                {"0 0 X 0 X", 2, AlarmState.ALARM, AlarmState.ALARM, AlarmState.ALARM, AlarmState.ALARM},
                {"0 - X - -", 2, AlarmState.OK, AlarmState.OK, AlarmState.ALARM, AlarmState.OK},
                {"- - - - 0", 2, AlarmState.OK, AlarmState.OK, AlarmState.ALARM, AlarmState.OK},
                {"- - - - X", 2, AlarmState.INSUFFICIENT_DATA, null, AlarmState.ALARM, AlarmState.OK},
        };
        MissingData[] columns = {MissingData.MISSING, MissingData.IGNORE, MissingData.BREACHING, MissingData.NOT_BREACHING};
        for (Object[] line : table) {
            for (int column = 0; column < columns.length; column++) {
                for (AlarmState current : AlarmState.values()) {
                    AlarmState expected = line[2 + column] == null ? null : (AlarmState) line[2 + column];
                    AlarmState got = outcome((String) line[0], (int) line[1], columns[column], current);
                    if (expected == null) {
                        assertNull(got, line[0] + " " + line[1] + " of 3, " + columns[column] + ", from " + current);
                    } else {
                        assertEquals(expected, got, line[0] + " " + line[1] + " of 3, " + columns[column] + ", from "
                                + current);
                    }
                }
            }
        }
    }

    @Test
    void theDefaultTreatmentIsMissing() {
        MetricAlarmSpec spec = spec(2, 2, null, ComparisonOperator.GREATER_THAN_THRESHOLD);
        MetricAlarmEvaluation.Outcome outcome = MetricAlarmEvaluation.evaluate(spec, AlarmState.OK, List.of(), NOW,
                MetricAlarmEvaluation.rangeStart(spec, END), END);
        assertEquals(AlarmState.INSUFFICIENT_DATA, outcome.state());
        assertEquals("Insufficient Data: 2 datapoints were unknown.", outcome.reason());
    }

    @Test
    void twoOfThreeBreachingIsAlarmWithCloudWatchsReasonAndData() {
        MetricAlarmSpec spec = spec(3, 2, MissingData.MISSING, ComparisonOperator.GREATER_THAN_THRESHOLD);
        List<Datapoint> points = List.of(new Datapoint(Instant.parse("2026-11-29T10:01:00Z"), 10.0, 60),
                new Datapoint(Instant.parse("2026-11-29T10:02:00Z"), 90.0, 60),
                new Datapoint(Instant.parse("2026-11-29T10:03:00Z"), 85.0, 60));
        MetricAlarmEvaluation.Outcome outcome = MetricAlarmEvaluation.evaluate(spec, AlarmState.OK, points, NOW,
                MetricAlarmEvaluation.rangeStart(spec, END), END);
        assertEquals(AlarmState.ALARM, outcome.state());
        assertEquals("Threshold Crossed: 2 out of the last 3 datapoints [85.0 (29/11/26 10:03:00), 90.0 (29/11/26"
                + " 10:02:00)] were greater than the threshold (80.0) (minimum 2 datapoints for OK -> ALARM"
                + " transition).", outcome.reason());
        assertEquals("{\"version\":\"1.0\",\"queryDate\":\"2026-11-29T10:04:07.000+0000\",\"startDate\":"
                + "\"2026-11-29T09:59:00.000+0000\",\"statistic\":\"Average\",\"period\":60,\"recentDatapoints\":"
                + "[10.0,90.0,85.0],\"threshold\":80.0,\"evaluatedDatapoints\":[{\"timestamp\":"
                + "\"2026-11-29T10:03:00.000+0000\",\"sampleCount\":60.0,\"value\":85.0},{\"timestamp\":"
                + "\"2026-11-29T10:02:00.000+0000\",\"sampleCount\":60.0,\"value\":90.0},{\"timestamp\":"
                + "\"2026-11-29T10:01:00.000+0000\",\"sampleCount\":60.0,\"value\":10.0}]}", outcome.reasonData());
        assertEquals("ALARM", String.valueOf(MetricAlarmEvaluation.evaluate(spec, AlarmState.ALARM, points, NOW,
                MetricAlarmEvaluation.rangeStart(spec, END), END).state()), "no change: no reason is built");
        assertNull(MetricAlarmEvaluation.evaluate(spec, AlarmState.ALARM, points, NOW,
                MetricAlarmEvaluation.rangeStart(spec, END), END).reason());
    }

    @Test
    void okTransitionsCountTheDatapointsThatDoNotBreach() {
        MetricAlarmSpec spec = spec(1, 1, MissingData.MISSING, ComparisonOperator.GREATER_THAN_THRESHOLD);
        MetricAlarmEvaluation.Outcome outcome = MetricAlarmEvaluation.evaluate(spec, AlarmState.ALARM,
                List.of(new Datapoint(Instant.parse("2026-11-29T10:03:00Z"), 12.5, 1)), NOW,
                MetricAlarmEvaluation.rangeStart(spec, END), END);
        assertEquals(AlarmState.OK, outcome.state());
        assertEquals("Threshold Crossed: 1 out of the last 1 datapoints [12.5 (29/11/26 10:03:00)] was not greater than"
                + " the threshold (80.0) (minimum 1 datapoint for ALARM -> OK transition).", outcome.reason());
    }

    @Test
    void noDataTreatedAsBreachingSaysSo() {
        MetricAlarmSpec spec = spec(1, 1, MissingData.BREACHING, ComparisonOperator.GREATER_THAN_THRESHOLD);
        MetricAlarmEvaluation.Outcome outcome = MetricAlarmEvaluation.evaluate(spec, AlarmState.INSUFFICIENT_DATA,
                List.of(), NOW, MetricAlarmEvaluation.rangeStart(spec, END), END);
        assertEquals("Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated"
                + " as [Breaching].", outcome.reason());
        assertEquals(AlarmState.ALARM, outcome.state());
    }

    @Test
    void theMostRecentNRealDatapointsDecideWhenThereAreEnough() {
        // four real datapoints in the range of five: the newest three are judged, TreatMissingData plays no part
        MetricAlarmSpec spec = spec(3, 3, MissingData.BREACHING, ComparisonOperator.GREATER_THAN_THRESHOLD);
        assertEquals(AlarmState.OK, MetricAlarmEvaluation.evaluate(spec, AlarmState.ALARM, row("X 0 X - X"), NOW,
                MetricAlarmEvaluation.rangeStart(spec, END), END).state());
    }

    @Test
    void everyComparisonOperatorAtTheThreshold() {
        Object[][] cases = {
                {ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 80.0, true},
                {ComparisonOperator.GREATER_THAN_THRESHOLD, 80.0, false},
                {ComparisonOperator.GREATER_THAN_THRESHOLD, 80.5, true},
                {ComparisonOperator.LESS_THAN_THRESHOLD, 80.0, false},
                {ComparisonOperator.LESS_THAN_THRESHOLD, 79.9, true},
                {ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD, 80.0, true},
                {ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD, 80.1, false},
        };
        for (Object[] c : cases) {
            MetricAlarmSpec spec = spec(1, 1, null, (ComparisonOperator) c[0]);
            AlarmState state = MetricAlarmEvaluation.evaluate(spec, AlarmState.INSUFFICIENT_DATA,
                    List.of(new Datapoint(END.minusSeconds(60), (double) c[1], 1)), NOW,
                    MetricAlarmEvaluation.rangeStart(spec, END), END).state();
            assertEquals((boolean) c[2] ? AlarmState.ALARM : AlarmState.OK, state, c[0] + " " + c[1]);
        }
        for (ComparisonOperator band : List.of(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD,
                ComparisonOperator.LESS_THAN_LOWER_THRESHOLD, ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD)) {
            assertEquals(true, band.needsBand());
        }
    }
}
