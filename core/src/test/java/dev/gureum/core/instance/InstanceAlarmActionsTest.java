package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.alarm.AlarmDimension;
import dev.gureum.core.alarm.AlarmHistoryItem;
import dev.gureum.core.alarm.AlarmHistoryItem.HistoryItemType;
import dev.gureum.core.alarm.AlarmWorld;
import dev.gureum.core.alarm.MetricAlarmRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EC2 alarm actions through the real lifecycle table: stop, terminate, reboot, simulated recover, refusals recorded. */
class InstanceAlarmActionsTest {
    private final InstanceWorld instances = new InstanceWorld();
    private final AlarmWorld alarms = new AlarmWorld(new InstanceAlarmActions(instances.commands, instances.store,
            instances.clock));

    private String running() {
        String id = instances.launch(1).get(0).id();
        instances.observe(id, InstanceEvent.OBSERVED_RUNNING);
        return id;
    }

    private void alarmOn(String name, String instanceId, String action) {
        alarms.service.putMetricAlarm(alarms.context(), new MetricAlarmRequest(name, null, null, List.of(),
                List.of(action), List.of(), "AWS/EC2", "CPUUtilization", List.of(new AlarmDimension("InstanceId",
                instanceId)), "Average", null, null, 60, 1, null, 80.0, "GreaterThanThreshold", null, null, List.of(),
                null, List.of()));
        alarms.service.setState(alarms.context(), name, "ALARM", "test", null);
    }

    private List<String> actionSummaries(String name) {
        return alarms.history(name, HistoryItemType.ACTION).stream().map(AlarmHistoryItem::summary).toList();
    }

    @Test
    void stopTerminateAndRebootDriveTheInstanceThroughTheTable() {
        String stopped = running();
        alarmOn("stop", stopped, "arn:aws:automate:us-east-1:ec2:stop");
        assertEquals(InstanceState.STOPPING, instances.current(stopped).state());
        assertEquals(List.of("Successfully executed action arn:aws:automate:us-east-1:ec2:stop"), actionSummaries("stop"));

        String terminated = running();
        alarmOn("terminate", terminated, "arn:aws:swf:us-east-1:000000000000:action/actions/AWS_EC2.InstanceId.Terminate/1.0");
        assertEquals(InstanceState.SHUTTING_DOWN, instances.current(terminated).state());

        String rebooted = running();
        alarmOn("reboot", rebooted, "arn:aws:automate:us-east-1:ec2:reboot");
        assertTrue(instances.runtime.commands.contains("reboot " + rebooted));

        String recovered = running();
        alarmOn("recover", recovered, "arn:aws:automate:us-east-1:ec2:recover");
        assertEquals(InstanceState.RUNNING, instances.current(recovered).state());
        AlarmHistoryItem recovery = alarms.history("recover", HistoryItemType.ACTION).get(0);
        assertEquals("Successfully executed action arn:aws:automate:us-east-1:ec2:recover", recovery.summary());
        assertTrue(recovery.data().contains("simulated recovery"), recovery.data());
    }

    @Test
    void refusedActionsAreRecordedWithTheEc2Error() {
        String id = running();
        new InstanceModifications(instances.store, instances.catalog).disableApiStop(instances.context(), id, true);
        alarmOn("protected", id, "arn:aws:automate:us-east-1:ec2:stop");
        assertEquals(InstanceState.RUNNING, instances.current(id).state());
        AlarmHistoryItem refused = alarms.history("protected", HistoryItemType.ACTION).get(0);
        assertEquals("Failed to execute action arn:aws:automate:us-east-1:ec2:stop. Received error: \"The instance '"
                + id + "' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.\"",
                refused.summary());
        assertTrue(refused.data().startsWith("{\"actionState\":\"Failed\""), refused.data());

        alarmOn("gone", "i-00000000000000000", "arn:aws:automate:us-east-1:ec2:stop");
        assertTrue(actionSummaries("gone").get(0).startsWith("Failed to execute action arn:aws:automate:us-east-1:ec2:stop."
                + " Received error: \"The instance ID 'i-00000000000000000' does not exist"), actionSummaries("gone").get(0));
    }
}
