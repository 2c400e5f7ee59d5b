package dev.gureum.core.alarm;

import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.time.ClockScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps metric alarms current on the cloud clock. A round runs at every 10-second boundary: alarms with a
 * 10, 20 or 30-second period are evaluated at their period's boundaries, every other alarm once a minute (as
 * CloudWatch does). An evaluation reads the alarm's evaluation range from {@link AlarmMetrics} and applies
 * {@link MetricAlarmEvaluation}; only a change of state writes anything. Rounds run one after another, each
 * at its own boundary's time, so a manual clock advanced by ten minutes sees ten minutes of evaluations (at
 * most an hour is caught up). History older than two weeks is swept hourly.
 */
public final class AlarmEvaluator {
    static final Duration ROUND = Duration.ofSeconds(10);
    private static final Duration MAX_CATCH_UP = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(AlarmEvaluator.class.getName());

    private final Store store;
    private final AlarmMetrics metrics;
    private final AlarmTransitions transitions;
    private final AlarmHistory history;

    public AlarmEvaluator(Store store, AlarmMetrics metrics, AlarmTransitions transitions, AlarmHistory history) {
        this.store = store;
        this.metrics = metrics;
        this.transitions = transitions;
        this.history = history;
    }

    /** Starts the rounds at the next 10-second boundary. */
    public void start(ClockScheduler scheduler) {
        Instant now = scheduler.clock().now();
        scheduleRound(scheduler, boundaryAfter(now));
    }

    private void scheduleRound(ClockScheduler scheduler, Instant at) {
        Instant now = scheduler.clock().now();
        Instant due = at.isBefore(now.minus(MAX_CATCH_UP)) ? boundaryAfter(now.minus(ROUND)) : at;
        scheduler.schedule(Duration.between(now, due).isNegative() ? Duration.ZERO : Duration.between(now, due), () -> {
            try {
                round(due);
            } finally {
                scheduleRound(scheduler, due.plus(ROUND));
            }
        });
    }

    private static Instant boundaryAfter(Instant now) {
        long step = ROUND.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), step) * step + step);
    }

    /** One round at a boundary: evaluates every alarm due then; answers how many were evaluated. */
    public int round(Instant now) {
        long second = now.getEpochSecond();
        boolean minute = second % 60 == 0;
        int evaluated = 0;
        List<Versioned<Alarm>> alarms = store.listAll(AlarmRecords.ALARMS);
        for (Versioned<Alarm> alarm : alarms) {
            MetricAlarmSpec spec = alarm.value().metric();
            if (spec == null || !(spec.period() >= 60 ? minute : second % spec.period() == 0)) {
                continue;
            }
            try {
                evaluate(alarm, now);
                evaluated++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "evaluating " + alarm.value().arn() + " failed", e);
            }
        }
        if (second % 3600 == 0) {
            try {
                history.sweep(now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sweeping alarm history failed", e);
            }
        }
        return evaluated;
    }

    /** Evaluates one metric alarm at {@code now}; a change of state is committed through the transitions. */
    public void evaluate(Versioned<Alarm> versioned, Instant now) {
        Alarm alarm = versioned.value();
        MetricAlarmSpec spec = alarm.metric();
        Instant end = MetricAlarmEvaluation.rangeEnd(spec.period(), now);
        Instant start = MetricAlarmEvaluation.rangeStart(spec, end);
        List<Datapoint> points = spec.isMath()
                ? metrics.expressions(alarm.account(), alarm.region(), spec.queries(), spec.period(), start, end)
                : metrics.statistic(alarm.account(), alarm.region(), spec.metric(), spec.stat(), spec.period(), start, end);
        MetricAlarmEvaluation.Outcome outcome = MetricAlarmEvaluation.evaluate(spec, alarm.status().value(), points,
                now, start, end);
        if (outcome == null || outcome.state() == alarm.status().value()) {
            return;
        }
        transitions.move(versioned, new AlarmStatus(outcome.state(), outcome.reason(), outcome.reasonData(), now, now));
    }
}
