package dev.gureum.core.alarm;

import dev.gureum.core.alarm.AlarmHistoryItem.HistoryItemType;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.StoreUnavailableException;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.CloudClock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the actions of a state change, off the thread that changed the state (a notification or an instance
 * command may wait): SNS topics get CloudWatch's notification through the {@link AlarmNotifier}; EC2 actions
 * drive the alarm's instance through the lifecycle. Each outcome, success or refusal, is an Action entry of
 * the alarm's history with CloudWatch's wording.
 */
public final class AlarmActions {
    private static final Logger LOG = Logger.getLogger(AlarmActions.class.getName());

    private final Store store;
    private final AlarmHistory history;
    private final AlarmNotifier notifier;
    private final AlarmInstanceActions instances;
    private final Function<String, String> regionNames;
    private final CloudClock clock;
    private final Executor executor;

    /**
     * @param regionNames a region's long name ("US East (N. Virginia)") for notifications
     * @param executor where actions run; tests pass a direct executor
     */
    public AlarmActions(Store store, AlarmHistory history, AlarmNotifier notifier, AlarmInstanceActions instances,
                        Function<String, String> regionNames, CloudClock clock, Executor executor) {
        this.store = store;
        this.history = history;
        this.notifier = notifier;
        this.instances = instances;
        this.regionNames = regionNames;
        this.clock = clock;
        this.executor = executor;
    }

    /** Runs the actions of the alarm's new state, when its actions are enabled. */
    void changed(Alarm alarm, AlarmState oldState, AlarmStatus status) {
        List<String> arns = alarm.actionsFor(status.value());
        if (!alarm.actionsEnabled() || arns.isEmpty()) {
            return;
        }
        executor.execute(() -> arns.forEach(arn -> run(alarm, oldState, status, arn)));
    }

    private void run(Alarm alarm, AlarmState oldState, AlarmStatus status, String arn) {
        JsonText data = new JsonText();
        String summary;
        try {
            AlarmAction action = AlarmAction.parse(arn, alarm.region());
            if (action == null) {
                throw new IllegalStateException("not an action Gureum runs: " + arn);
            }
            String note = perform(alarm, oldState, status, action, data);
            summary = "Successfully executed action " + arn;
            data.string("actionState", "Succeeded").integer("stateUpdateTimestamp", status.updated().toEpochMilli());
            if (note != null) {
                data.string("note", note);
            }
        } catch (CloudException refused) {
            summary = "Failed to execute action " + arn + ". Received error: \"" + refused.getMessage() + "\"";
            data = new JsonText().string("actionState", "Failed")
                    .integer("stateUpdateTimestamp", status.updated().toEpochMilli())
                    .string("error", refused.code().code() + ": " + refused.getMessage());
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "alarm action " + arn + " of " + alarm.arn() + " failed", failure);
            summary = "Failed to execute action " + arn + ". Received error: \"" + failure.getMessage() + "\"";
            data = new JsonText().string("actionState", "Failed")
                    .integer("stateUpdateTimestamp", status.updated().toEpochMilli())
                    .string("error", String.valueOf(failure.getMessage()));
        }
        WriteBatch batch = new WriteBatch();
        history.add(batch, alarm, clock.now(), HistoryItemType.ACTION, summary, data.toString());
        try {
            store.apply(batch);
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "could not record the action " + arn + " of " + alarm.arn(), e);
        }
    }

    /** Carries out one action; answers a note for the history, or null. */
    private String perform(Alarm alarm, AlarmState oldState, AlarmStatus status, AlarmAction action, JsonText data) {
        String instanceId = alarm.metric() == null ? null : AlarmValidation.instanceId(alarm.metric());
        switch (action.kind()) {
            case SNS -> {
                String regionName = regionNames.apply(alarm.region());
                String message = AlarmNotification.message(alarm, oldState, status, regionName);
                notifier.publish(alarm.account(), alarm.region(), action.arn(),
                        AlarmNotification.subject(alarm, status.value(), regionName), message);
                data.string("notificationResource", action.arn()).string("publishedMessage", message);
                return null;
            }
            case EC2_STOP -> instances.stop(alarm.account(), alarm.region(), instanceId);
            case EC2_TERMINATE -> instances.terminate(alarm.account(), alarm.region(), instanceId);
            case EC2_REBOOT -> instances.reboot(alarm.account(), alarm.region(), instanceId);
            case EC2_RECOVER -> {
                return instances.recover(alarm.account(), alarm.region(), instanceId);
            }
        }
        return null;
    }
}
