package dev.gureum.core.alarm;

import dev.gureum.core.store.DerivedIndex;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place an alarm's state changes: the new status and its StateUpdate history entry commit in one
 * batch; then, if the state value changed, the new state's actions run and every composite alarm whose
 * rule names the alarm is evaluated again (and so on up the chain), found through an index by child name,
 * so a change costs the same with ten alarms or ten thousand.
 */
public final class AlarmTransitions {
    private static final int MAX_CHAIN = 32;
    private final Store store;
    private final AlarmHistory history;
    private final AlarmActions actions;
    private static final int CACHED_RULES = 10_000;
    private final Map<String, AlarmRule> rules = new ConcurrentHashMap<>();
    private final DerivedIndex<Alarm> parents;

    /**
     * @param parents composite alarms by the names their rules refer to ({@link #parentIndex}), kept current by
     *     the followed store the alarms are written through
     */
    public AlarmTransitions(Store store, AlarmHistory history, AlarmActions actions, DerivedIndex<Alarm> parents) {
        this.store = store;
        this.history = history;
        this.actions = actions;
        this.parents = parents;
    }

    /** Composite alarms by the alarm names their rules refer to; hand it to the FollowedStore alarms are written through. */
    public static DerivedIndex<Alarm> parentIndex(Store store) {
        return new DerivedIndex<>(store, AlarmRecords.ALARMS, alarm -> alarm.type() == AlarmType.COMPOSITE
                ? AlarmRule.parse(alarm.rule(), Alarm.arn(alarm.region(), alarm.account(), "")).children() : List.of());
    }

    /** Commits a move; false when the alarm changed meanwhile (the caller reads it again or lets it be). */
    public boolean move(Versioned<Alarm> current, AlarmStatus next) {
        return move(current, next, 0);
    }

    private boolean move(Versioned<Alarm> current, AlarmStatus next, int depth) {
        Alarm alarm = current.value();
        AlarmStatus old = alarm.status();
        Alarm moved = alarm.withStatus(next);
        WriteBatch batch = new WriteBatch().put(AlarmRecords.ALARMS, current.key(), current.version(), moved);
        history.stateUpdate(batch, moved, old, next);
        try {
            store.apply(batch);
        } catch (VersionConflictException changedMeanwhile) {
            return false;
        }
        if (old.value() != next.value()) {
            actions.changed(moved, old.value(), next);
            parentsOf(moved, next.updated(), depth);
        }
        return true;
    }

    private void parentsOf(Alarm child, Instant now, int depth) {
        if (depth >= MAX_CHAIN) {
            return;
        }
        for (Versioned<Alarm> parent : parents.records(child.account(), child.region(), List.of(child.name()))) {
            evaluate(parent, child, now, depth + 1);
        }
    }

    /** Evaluates a composite alarm's rule now; {@code trigger} is the child whose change caused it, or null. */
    void evaluate(Versioned<Alarm> composite, Alarm trigger, Instant now) {
        evaluate(composite, trigger, now, 0);
    }

    private void evaluate(Versioned<Alarm> composite, Alarm trigger, Instant now, int depth) {
        Alarm alarm = composite.value();
        AlarmRule rule = rule(alarm);
        boolean holds = rule.holds(name -> lookup(alarm, name).map(found -> found.value().status().value()).orElse(null));
        AlarmState next = holds ? AlarmState.ALARM : AlarmState.OK;
        if (next == alarm.status().value()) {
            return;
        }
        List<Alarm> triggering = new ArrayList<>();
        if (trigger != null) {
            triggering.add(trigger);
        } else {
            rule.children().forEach(name -> lookup(alarm, name).ifPresent(found -> triggering.add(found.value())));
        }
        String reason = triggering.isEmpty() ? "The alarm rule " + alarm.rule() + " evaluated to " + (holds ? "TRUE" : "FALSE")
                : triggering.get(0).arn() + " transitioned to " + triggering.get(0).status().value() + " at "
                + AlarmTimes.SPOKEN.format(triggering.get(0).status().updated());
        String data = new JsonText().raw("triggeringAlarms", JsonText.array(triggering.stream().map(child -> new JsonText()
                .string("arn", child.arn()).raw("state", new JsonText().string("value", child.status().value().name())
                        .string("timestamp", AlarmTimes.json(child.status().updated())).toString()).toString()).toList()))
                .toString();
        move(composite, new AlarmStatus(next, reason, data, now, now), depth);
    }

    private Optional<Versioned<Alarm>> lookup(Alarm parent, String name) {
        return store.get(AlarmRecords.ALARMS, new RecordKey(parent.account(), parent.region(), name));
    }

    /** A composite alarm's parsed rule (cached by text). */
    AlarmRule rule(Alarm composite) {
        String prefix = Alarm.arn(composite.region(), composite.account(), "");
        if (rules.size() > CACHED_RULES) {
            rules.clear();
        }
        return rules.computeIfAbsent(prefix + "\n" + composite.rule(), unused -> AlarmRule.parse(composite.rule(), prefix));
    }
}
