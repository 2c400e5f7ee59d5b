package dev.gureum.core.alarm;

/**
 * The EC2 side of alarm actions: the instance named by an alarm's InstanceId dimension is stopped,
 * terminated, rebooted or recovered as its owner. A refusal is a {@link dev.gureum.core.error.CloudException}.
 */
public interface AlarmInstanceActions {

    void stop(String account, String region, String instanceId);

    void terminate(String account, String region, String instanceId);

    void reboot(String account, String region, String instanceId);

    /** Recover; returns what was done, for the alarm's history. */
    String recover(String account, String region, String instanceId);
}
