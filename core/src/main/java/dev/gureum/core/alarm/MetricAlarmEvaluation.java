package dev.gureum.core.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One evaluation of a metric alarm, by CloudWatch's documented rules and the two example tables of its user
 * guide ("How alarm state is evaluated when data is missing"). The alarm reads an evaluation range of
 * N + {@value #EXTRA_PERIODS} periods ending at the last complete period (5 for 3 evaluation periods, as the
 * guide's tables). With at least N real datapoints, the N most recent decide: M breaching is ALARM, fewer is
 * OK; TreatMissingData plays no part. With fewer, every real datapoint is evaluated with as many missing
 * periods as make N (the oldest of the range), which TreatMissingData reads: {@code breaching} and
 * {@code notBreaching} as such; {@code missing} as the real datapoint before it (none before: unknown, and an
 * evaluation that is neither M breaching nor holds a non-breaching datapoint is INSUFFICIENT_DATA);
 * {@code ignore} as unknown (such an evaluation keeps the state). All missing: INSUFFICIENT_DATA, the state
 * kept, ALARM or OK respectively.
 */
public final class MetricAlarmEvaluation {
    static final int EXTRA_PERIODS = 2;

    /** What an evaluation concludes: the state the alarm should be in, with its reason text and JSON. */
    public record Outcome(AlarmState state, String reason, String reasonData) {
    }

    private MetricAlarmEvaluation() {
    }

    /** The end of the evaluation range at {@code now}: the start of the period in progress. */
    public static Instant rangeEnd(int period, Instant now) {
        long seconds = Math.floorDiv(now.getEpochSecond(), period) * period;
        return Instant.ofEpochSecond(seconds);
    }

    public static Instant rangeStart(MetricAlarmSpec spec, Instant end) {
        return end.minusSeconds((long) spec.period() * (spec.evaluationPeriods() + EXTRA_PERIODS));
    }

    /**
     * @param points the datapoints read for [start, end), in any order
     * @return the state the alarm should be in (with its reason only when that is a change), or null when it
     *     keeps its state ({@code ignore} with no verdict)
     */
    public static Outcome evaluate(MetricAlarmSpec spec, AlarmState current, List<Datapoint> points, Instant queryDate,
                                   Instant start, Instant end) {
        int n = spec.evaluationPeriods();
        int m = spec.datapointsNeeded();
        List<Datapoint> real = new ArrayList<>(points.size());
        for (Datapoint point : points) {
            if (!point.timestamp().isBefore(start) && point.timestamp().isBefore(end) && !Double.isNaN(point.value())) {
                real.add(point);
            }
        }
        real.sort(Comparator.comparing(Datapoint::timestamp).reversed());
        ReasonData data = new ReasonData(spec, queryDate, start, real);
        if (real.size() >= n) {
            return judge(spec, current, real.subList(0, n), n, m, data);
        }
        MissingData missing = spec.missingData();
        if (real.isEmpty()) {
            AlarmState next = switch (missing) {
                case MISSING -> AlarmState.INSUFFICIENT_DATA;
                case IGNORE -> current;
                case BREACHING -> AlarmState.ALARM;
                case NOT_BREACHING -> AlarmState.OK;
            };
            if (next == current) {
                return missing == MissingData.IGNORE ? null : new Outcome(next, null, null);
            }
            List<Instant> filled = missingSlots(spec, end, real, n);
            return switch (missing) {
                case MISSING -> new Outcome(AlarmState.INSUFFICIENT_DATA, "Insufficient Data: " + n + " "
                        + plural(n, "datapoint") + " " + (n == 1 ? "was" : "were") + " unknown.", data.json(List.of(), filled));
                case IGNORE -> null;
                case BREACHING, NOT_BREACHING -> new Outcome(missing == MissingData.BREACHING ? AlarmState.ALARM
                        : AlarmState.OK, "Threshold Crossed: no datapoints were received for " + n + " "
                        + plural(n, "period") + " and " + n + " missing " + plural(n, "datapoint") + " "
                        + (n == 1 ? "was" : "were") + " treated as ["
                        + (missing == MissingData.BREACHING ? "Breaching" : "NonBreaching") + "].",
                        data.json(List.of(), filled));
            };
        }
        // Fewer real datapoints than N: every real one is evaluated, with as many missing periods as make N,
        // taken from the oldest end of the range (CloudWatch's tables: "0 - X - -" is OK for 2 of 3).
        List<Instant> filled = oldestMissingSlots(spec, end, real, n - real.size());
        List<Object> evaluated = new ArrayList<>(real);
        evaluated.addAll(filled);
        evaluated.sort(Comparator.comparing(MetricAlarmEvaluation::timeOf));
        int breaching = 0;
        int notBreaching = 0;
        Boolean previous = null;
        for (Object item : evaluated) {
            Boolean breach = item instanceof Datapoint point ? Boolean.valueOf(breaches(spec, point)) : switch (missing) {
                case BREACHING -> Boolean.TRUE;
                case NOT_BREACHING -> Boolean.FALSE;
                case MISSING -> previous; // a missing period reads as the real one before it, if any
                case IGNORE -> null;
            };
            if (breach != null) {
                breaching += breach ? 1 : 0;
                notBreaching += breach ? 0 : 1;
            }
            previous = breach;
        }
        AlarmState next;
        if (breaching >= m) {
            next = AlarmState.ALARM;
        } else if (missing == MissingData.BREACHING || missing == MissingData.NOT_BREACHING || notBreaching > 0) {
            next = AlarmState.OK;
        } else if (missing == MissingData.MISSING) {
            next = AlarmState.INSUFFICIENT_DATA;
        } else {
            return null;
        }
        if (next == current) {
            return new Outcome(next, null, null);
        }
        if (next == AlarmState.INSUFFICIENT_DATA) {
            int unknown = n - breaching - notBreaching;
            return new Outcome(next, "Insufficient Data: " + unknown + " " + plural(unknown, "datapoint") + " "
                    + (unknown == 1 ? "was" : "were") + " unknown.", data.withFilled(filled).json(real, filled));
        }
        return reason(spec, current, next, real, next == AlarmState.ALARM ? breaching : notBreaching, n, m,
                data.withFilled(filled));
    }

    /** M of N over exactly N real datapoints. */
    private static Outcome judge(MetricAlarmSpec spec, AlarmState current, List<Datapoint> real, int n, int m,
                                 ReasonData data) {
        int breaching = breaching(spec, real);
        AlarmState next = breaching >= m ? AlarmState.ALARM : AlarmState.OK;
        if (next == current) {
            return new Outcome(next, null, null);
        }
        return reason(spec, current, next, real, next == AlarmState.ALARM ? breaching : n - breaching, n, m, data);
    }

    /**
     * "Threshold Crossed: 2 out of the last 3 datapoints [85.0 (29/11/26 10:03:00), …] were greater than the
     * threshold (80.0) (minimum 2 datapoints for OK -> ALARM transition)." The list names the real datapoints
     * that decided, newest first.
     */
    private static Outcome reason(MetricAlarmSpec spec, AlarmState current, AlarmState next, List<Datapoint> real,
                                  int counted, int n, int m, ReasonData data) {
        boolean alarm = next == AlarmState.ALARM;
        List<Datapoint> listed = real.stream().filter(point -> breaches(spec, point) == alarm).toList();
        int minimum = alarm ? m : n - m + 1;
        StringBuilder reason = new StringBuilder("Threshold Crossed: ").append(counted).append(" out of the last ")
                .append(n).append(" datapoints [");
        for (int i = 0; i < listed.size(); i++) {
            Datapoint point = listed.get(i);
            reason.append(i == 0 ? "" : ", ").append(point.value()).append(" (")
                    .append(AlarmTimes.REASON.format(point.timestamp())).append(')');
        }
        reason.append("] ").append(counted == 1 ? "was " : "were ").append(alarm ? "" : "not ")
                .append(spec.comparisonOperator().words()).append(" the threshold (").append(spec.threshold())
                .append(") (minimum ").append(minimum).append(' ').append(plural(minimum, "datapoint")).append(" for ")
                .append(current).append(" -> ").append(next).append(" transition).");
        return new Outcome(next, reason.toString(), data.json(real, data.filled));
    }

    private static int breaching(MetricAlarmSpec spec, List<Datapoint> points) {
        int count = 0;
        for (Datapoint point : points) {
            if (breaches(spec, point)) {
                count++;
            }
        }
        return count;
    }

    private static boolean breaches(MetricAlarmSpec spec, Datapoint point) {
        return spec.comparisonOperator().breaches(point.value(), spec.threshold());
    }

    /** The oldest {@code count} periods of the range that have no datapoint. */
    private static List<Instant> oldestMissingSlots(MetricAlarmSpec spec, Instant end, List<Datapoint> real, int count) {
        Set<Instant> present = new HashSet<>();
        real.forEach(point -> present.add(point.timestamp()));
        List<Instant> slots = new ArrayList<>(count);
        for (int k = spec.evaluationPeriods() + EXTRA_PERIODS; slots.size() < count && k >= 1; k--) {
            Instant slot = end.minusSeconds((long) spec.period() * k);
            if (!present.contains(slot)) {
                slots.add(slot);
            }
        }
        return slots;
    }

    private static Instant timeOf(Object item) {
        return item instanceof Datapoint point ? point.timestamp() : (Instant) item;
    }

    /** The most recent {@code count} periods of the range that have no datapoint, newest first. */
    private static List<Instant> missingSlots(MetricAlarmSpec spec, Instant end, List<Datapoint> real, int count) {
        Set<Instant> present = new HashSet<>();
        real.forEach(point -> present.add(point.timestamp()));
        List<Instant> slots = new ArrayList<>(count);
        for (int k = 1; slots.size() < count && k <= spec.evaluationPeriods() + EXTRA_PERIODS; k++) {
            Instant slot = end.minusSeconds((long) spec.period() * k);
            if (!present.contains(slot)) {
                slots.add(slot);
            }
        }
        return slots;
    }

    static String plural(int count, String word) {
        return count == 1 ? word : word + "s";
    }

    /** StateReasonData of a metric alarm, as CloudWatch writes it. */
    private record ReasonData(MetricAlarmSpec spec, Instant queryDate, Instant start, List<Datapoint> recent,
                              List<Instant> filled) {
        ReasonData(MetricAlarmSpec spec, Instant queryDate, Instant start, List<Datapoint> recent) {
            this(spec, queryDate, start, recent, List.of());
        }

        ReasonData withFilled(List<Instant> slots) {
            return new ReasonData(spec, queryDate, start, recent, slots);
        }

        String json(List<Datapoint> evaluated, List<Instant> missingEvaluated) {
            JsonText json = new JsonText().string("version", "1.0").string("queryDate", AlarmTimes.json(queryDate))
                    .string("startDate", AlarmTimes.json(start));
            if (spec.statistic() != null) {
                json.string("statistic", spec.statistic());
            } else if (spec.extendedStatistic() != null) {
                json.string("extendedStatistic", spec.extendedStatistic());
            }
            if (spec.metric() != null && spec.metric().unit() != null) {
                json.string("unit", spec.metric().unit());
            }
            json.integer("period", spec.period());
            List<Double> values = new ArrayList<>();
            for (int i = recent.size() - 1; i >= 0; i--) {
                values.add(recent.get(i).value());
            }
            json.numbers("recentDatapoints", values).number("threshold", spec.threshold());
            List<String> items = new ArrayList<>();
            List<Object> all = new ArrayList<>(evaluated);
            all.addAll(missingEvaluated);
            all.sort(Comparator.comparing(MetricAlarmEvaluation::timeOf).reversed());
            for (Object item : all) {
                if (item instanceof Datapoint point) {
                    items.add(new JsonText().string("timestamp", AlarmTimes.json(point.timestamp()))
                            .number("sampleCount", point.sampleCount()).number("value", point.value()).toString());
                } else {
                    items.add(new JsonText().string("timestamp", AlarmTimes.json((Instant) item)).toString());
                }
            }
            return json.raw("evaluatedDatapoints", JsonText.array(items)).toString();
        }
    }
}
