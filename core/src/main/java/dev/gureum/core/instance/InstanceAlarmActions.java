package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.alarm.AlarmInstanceActions;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.time.CloudClock;
import java.util.List;

/**
 * EC2 alarm actions as commands of the instance's owner, through the lifecycle table like StopInstances and
 * friends: a refused command (disableApiStop, an instance-store root, a terminated instance) comes back as
 * the EC2 error the API would answer. Recover is simulated: Gureum's hosts do not fail underneath an instance,
 * so it checks the instance exists, leaves it as it is and says so in the history.
 */
public final class InstanceAlarmActions implements AlarmInstanceActions {
    private final InstanceCommands commands;
    private final Store store;
    private final CloudClock clock;

    public InstanceAlarmActions(InstanceCommands commands, Store store, CloudClock clock) {
        this.commands = commands;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void stop(String account, String region, String instanceId) {
        commands.apply(context(account, region), List.of(require(instanceId)), InstanceEvent.STOP);
    }

    @Override
    public void terminate(String account, String region, String instanceId) {
        commands.apply(context(account, region), List.of(require(instanceId)), InstanceEvent.TERMINATE);
    }

    @Override
    public void reboot(String account, String region, String instanceId) {
        commands.apply(context(account, region), List.of(require(instanceId)), InstanceEvent.REBOOT);
    }

    @Override
    public String recover(String account, String region, String instanceId) {
        RequestContext context = context(account, region);
        Instance instance = store.get(InstanceRecords.INSTANCES, InstanceLaunches.key(context, require(instanceId)))
                .map(Versioned::value).filter(found -> InstanceVisibility.visible(found, context.now()))
                .orElseThrow(() -> ResourceIds.notFound(IdKind.INSTANCE, List.of(instanceId)));
        return "simulated recovery: Gureum's hosts do not fail underneath an instance, so there was nothing to"
                + " recover; the instance was left " + instance.state().wireName();
    }

    private static String require(String instanceId) {
        if (instanceId == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The alarm has no InstanceId dimension");
        }
        return instanceId;
    }

    private RequestContext context(String account, String region) {
        return new RequestContext(account, region, "alarm-action", clock.now(), false);
    }
}
