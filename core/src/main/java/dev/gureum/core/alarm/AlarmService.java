package dev.gureum.core.alarm;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudWatchError;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PutMetricAlarm, PutCompositeAlarm, DeleteAlarms, SetAlarmState and Enable/DisableAlarmActions. A new alarm
 * starts in INSUFFICIENT_DATA ("Unchecked: Initial alarm creation"); updating one replaces its configuration
 * and keeps its state and tags; every change is a ConfigurationUpdate in the alarm's history, committed with it.
 */
public final class AlarmService {
    private static final int ATTEMPTS = 5;
    static final int MAX_TAGS = 50;
    private final Store store;
    private final AlarmHistory history;
    private final AlarmTransitions transitions;

    public AlarmService(Store store, AlarmHistory history, AlarmTransitions transitions) {
        this.store = store;
        this.history = history;
        this.transitions = transitions;
    }

    public void putMetricAlarm(RequestContext context, MetricAlarmRequest request) {
        MetricAlarmSpec spec = AlarmValidation.metricSpec(request);
        AlarmValidation.actions(request.okActions(), "oKActions", context.region(), spec);
        AlarmValidation.actions(request.alarmActions(), "alarmActions", context.region(), spec);
        AlarmValidation.actions(request.insufficientDataActions(), "insufficientDataActions", context.region(), spec);
        AlarmTags.validate(request.tags());
        put(context, request.name(), AlarmType.METRIC, existing -> new Alarm(request.name(), context.account(),
                context.region(), AlarmType.METRIC, request.description(), request.actionsEnabled() == null
                || request.actionsEnabled(), request.okActions(), request.alarmActions(),
                request.insufficientDataActions(), spec, null,
                existing == null ? AlarmStatus.initial(context.now()) : existing.status(), context.now(),
                existing == null ? request.tags() : existing.tags()));
    }

    /** PutCompositeAlarm's members; {@code actionsSuppressor} is refused (Gureum does not suppress actions). */
    public record CompositeAlarmRequest(String name, String description, Boolean actionsEnabled, List<String> okActions,
                                        List<String> alarmActions, List<String> insufficientDataActions,
                                        String rule, String actionsSuppressor, List<Tag> tags) {
    }

    public void putCompositeAlarm(RequestContext context, CompositeAlarmRequest request) {
        AlarmValidation.name(request.name());
        AlarmValidation.description(request.description());
        if (request.rule() == null) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter AlarmRule is required.");
        }
        AlarmValidation.length(request.rule(), "alarmRule", 1, 10240);
        if (request.actionsSuppressor() != null) {
            throw CloudWatchError.INVALID_PARAMETER_VALUE.exception("ActionsSuppressor is not supported by Gureum.");
        }
        List<String> ok = orEmpty(request.okActions());
        List<String> alarm = orEmpty(request.alarmActions());
        List<String> insufficient = orEmpty(request.insufficientDataActions());
        AlarmValidation.actions(ok, "oKActions", context.region(), null);
        AlarmValidation.actions(alarm, "alarmActions", context.region(), null);
        AlarmValidation.actions(insufficient, "insufficientDataActions", context.region(), null);
        AlarmTags.validate(orEmpty(request.tags()));
        AlarmRule rule;
        try {
            rule = AlarmRule.parse(request.rule(), Alarm.arn(context.region(), context.account(), ""));
        } catch (IllegalArgumentException bad) {
            throw CloudWatchError.VALIDATION_ERROR.exception("Error in alarm rule [" + request.rule() + "]: "
                    + bad.getMessage());
        }
        if (rule.children().size() > 100) {
            throw CloudWatchError.VALIDATION_ERROR.exception("The alarm rule can refer to at most 100 alarms.");
        }
        List<String> missing = rule.children().stream().filter(name -> find(context, name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw CloudWatchError.VALIDATION_ERROR.exception("Could not save the composite alarm as alarms " + missing
                    + " in the alarm rule do not exist");
        }
        Set<String> reachable = new LinkedHashSet<>(rule.children());
        reachable.addAll(AlarmRule.reachable(request.name(), name -> name.equals(request.name()) ? rule.children()
                : find(context, name).filter(found -> found.value().type() == AlarmType.COMPOSITE)
                .map(found -> transitions.rule(found.value()).children()).orElse(Set.of())));
        if (reachable.contains(request.name())) {
            throw CloudWatchError.VALIDATION_ERROR.exception("The alarm rule of " + request.name() + " would make a"
                    + " cycle: it depends on itself through " + reachable);
        }
        Versioned<Alarm> saved = put(context, request.name(), AlarmType.COMPOSITE, existing -> new Alarm(request.name(),
                context.account(), context.region(), AlarmType.COMPOSITE, request.description(),
                request.actionsEnabled() == null || request.actionsEnabled(), ok, alarm, insufficient, null,
                request.rule(), existing == null ? AlarmStatus.initial(context.now()) : existing.status(),
                context.now(), existing == null ? orEmpty(request.tags()) : existing.tags()));
        if (saved != null) {
            transitions.evaluate(saved, null, context.now());
        }
    }

    private Versioned<Alarm> put(RequestContext context, String name, AlarmType type,
                                 java.util.function.Function<Alarm, Alarm> build) {
        RecordKey key = new RecordKey(context.account(), context.region(), name);
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned<Alarm>> existing = store.get(AlarmRecords.ALARMS, key);
            if (existing.isPresent() && existing.get().value().type() != type) {
                throw CloudWatchError.VALIDATION_ERROR.exception("An alarm named " + name + " already exists as a "
                        + existing.get().value().type().wireName() + "; alarm names are unique across both types.");
            }
            Alarm before = existing.map(Versioned::value).orElse(null);
            Alarm alarm = build.apply(before);
            WriteBatch batch = new WriteBatch().put(AlarmRecords.ALARMS, key,
                    existing.map(Versioned::version).orElse(WriteBatch.ABSENT), alarm);
            history.configuration(batch, alarm, before, before == null ? "created" : "updated", context.now());
            try {
                Writes.commit(store, context, batch);
                return context.dryRun() ? null : store.get(AlarmRecords.ALARMS, key).orElse(null);
            } catch (VersionConflictException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw CloudWatchError.CONCURRENT_MODIFICATION.exception("The alarm " + name + " is changing; retry.");
                }
            }
        }
    }

    /**
     * DeleteAlarms: up to 100 names, at most one composite alarm; all or nothing. A name that does not exist,
     * or an alarm a remaining composite alarm's rule refers to, fails the whole call.
     */
    public void delete(RequestContext context, List<String> names) {
        if (names.size() > 100) {
            throw AlarmValidation.constraint(names, "alarmNames", "Member must have length less than or equal to 100");
        }
        List<Versioned<Alarm>> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            find(context, name).ifPresentOrElse(found::add, () -> missing.add(name));
        }
        if (!missing.isEmpty()) {
            throw CloudWatchError.RESOURCE_NOT_FOUND.exception("The following alarms do not exist: " + missing);
        }
        if (found.stream().filter(alarm -> alarm.value().type() == AlarmType.COMPOSITE).count() > 1) {
            throw CloudWatchError.VALIDATION_ERROR.exception("You can delete at most one composite alarm per"
                    + " DeleteAlarms call.");
        }
        Set<String> deleting = new LinkedHashSet<>(found.stream().map(alarm -> alarm.value().name()).toList());
        for (Versioned<Alarm> other : store.list(AlarmRecords.ALARMS, context.account(), context.region())) {
            if (other.value().type() == AlarmType.COMPOSITE && !deleting.contains(other.value().name())) {
                for (String child : transitions.rule(other.value()).children()) {
                    if (deleting.contains(child)) {
                        throw CloudWatchError.VALIDATION_ERROR.exception("Alarm " + child + " cannot be deleted: the"
                                + " composite alarm " + other.value().name() + " refers to it in its alarm rule.");
                    }
                }
            }
        }
        WriteBatch batch = new WriteBatch();
        for (Versioned<Alarm> alarm : found) {
            batch.delete(AlarmRecords.ALARMS, alarm.key(), alarm.version());
            history.configuration(batch, alarm.value(), null, "deleted", context.now());
        }
        try {
            Writes.commit(store, context, batch);
        } catch (VersionConflictException changedMeanwhile) {
            throw CloudWatchError.CONCURRENT_MODIFICATION.exception("The alarms are changing; retry.");
        }
    }

    /** SetAlarmState: a state with its reason; a change of state runs its actions like any transition. */
    public void setState(RequestContext context, String name, String stateValue, String reason, String reasonData) {
        AlarmValidation.name(name);
        AlarmState state = AlarmState.fromWire(stateValue);
        if (state == null) {
            throw AlarmValidation.constraint(stateValue, "stateValue",
                    "Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }
        if (reason == null) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter StateReason is required.");
        }
        AlarmValidation.length(reason, "stateReason", 0, 1023);
        if (reasonData != null) {
            AlarmValidation.length(reasonData, "stateReasonData", 0, 4000);
            if (!JsonSyntax.isJson(reasonData)) {
                throw CloudWatchError.INVALID_FORMAT.exception("Invalid JSON in StateReasonData: " + reasonData);
            }
        }
        for (int attempt = 1; ; attempt++) {
            Versioned<Alarm> alarm = find(context, name).orElseThrow(() -> CloudWatchError.RESOURCE_NOT_FOUND
                    .exception("Alarm " + name + " not found"));
            if (context.dryRun()) {
                return;
            }
            AlarmStatus old = alarm.value().status();
            Instant now = context.now();
            AlarmStatus next = new AlarmStatus(state, reason, reasonData, now, state == old.value() ? old.transitioned() : now);
            if (transitions.move(alarm, next)) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw CloudWatchError.CONCURRENT_MODIFICATION.exception("The alarm " + name + " is changing; retry.");
            }
        }
    }

    /** EnableAlarmActions / DisableAlarmActions; names that do not exist are passed over. */
    public void setActionsEnabled(RequestContext context, List<String> names, boolean enabled) {
        if (names.size() > 100) {
            throw AlarmValidation.constraint(names, "alarmNames", "Member must have length less than or equal to 100");
        }
        for (String name : new LinkedHashSet<>(names)) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Optional<Versioned<Alarm>> alarm = find(context, name);
                if (alarm.isEmpty() || alarm.get().value().actionsEnabled() == enabled) {
                    break;
                }
                Alarm changed = alarm.get().value().withActionsEnabled(enabled);
                WriteBatch batch = new WriteBatch().put(AlarmRecords.ALARMS, alarm.get().key(), alarm.get().version(),
                        changed);
                history.configuration(batch, changed, alarm.get().value(), "updated", context.now());
                try {
                    Writes.commit(store, context, batch);
                    break;
                } catch (VersionConflictException changedMeanwhile) {
                    // read it again
                }
            }
        }
    }

    Optional<Versioned<Alarm>> find(RequestContext context, String name) {
        return store.get(AlarmRecords.ALARMS, new RecordKey(context.account(), context.region(), name));
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
